/// A support bundle that cannot be opened, with its path.
public struct EvidenceBundleError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Why the bundle cannot be opened.
  public enum Reason: Sendable, Hashable {
    /// Nothing exists at the path.
    case missing
    /// The path is a file, not a folder.
    case notADirectory
    /// The folder exists but cannot be listed.
    case unreadable(String)
  }

  /// The bundle's path, as given.
  public var path: String
  /// What is wrong with it.
  public var reason: Reason

  /// Creates an error.
  public init(_ reason: Reason, path: String) {
    self.reason = reason
    self.path = path
  }

  /// One line: the path, then what is wrong with it.
  public var description: String {
    switch reason {
    case .missing: "\(path): no such evidence folder"
    case .notADirectory: "\(path): not a folder; an evidence bundle is a folder of command outputs"
    case .unreadable(let detail): "\(path): cannot list the evidence folder: \(detail)"
    }
  }
}
