/// A problem with the content that stops it from loading, with where it happened.
public struct ContentError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Why loading failed.
  public enum Reason: Sendable, Hashable {
    /// The content directory does not exist or is not a directory.
    case missingDirectory
    /// The directory exists but has no `guides/` folder.
    case notAContentDirectory
    /// The file could not be read.
    case unreadable(String)
    /// The path is not a regular file but what the text names ("a FIFO", "a directory", ...);
    /// it is never read.
    case notARegularFile(String)
    /// The file is not valid UTF-8.
    case invalidUTF8
    /// The guide does not start with a `---` line.
    case missingFrontMatter
    /// The front-matter has no closing `---` line.
    case unterminatedFrontMatter
    /// The YAML does not parse.
    case yamlSyntax(String)
    /// The YAML parses but does not fit the schema.
    case schema(String)
  }

  /// Where the problem is.
  public var location: FileLocation
  /// What the problem is.
  public var reason: Reason

  /// Creates an error.
  public init(_ reason: Reason, at location: FileLocation) {
    self.reason = reason
    self.location = location
  }

  /// One line: the reason without the location.
  public var message: String {
    switch reason {
    case .missingDirectory: "no such content directory"
    case .notAContentDirectory: "not a content directory: it has no 'guides' folder"
    case .unreadable(let detail): "cannot read the file: \(detail)"
    case .notARegularFile(let kind): "\(kind), not a regular file"
    case .invalidUTF8: "the file is not valid UTF-8 (first bad byte here)"
    case .missingFrontMatter:
      "missing YAML front-matter: a guide must start with a line '---'"
    case .unterminatedFrontMatter:
      "the front-matter is not closed: add a line '---' after it"
    case .yamlSyntax(let detail): "invalid YAML: \(detail)"
    case .schema(let detail): detail
    }
  }

  public var description: String {
    switch reason {
    case .missingDirectory, .notAContentDirectory, .notARegularFile: "\(location.path): \(message)"
    default: "\(location): \(message)"
    }
  }
}
