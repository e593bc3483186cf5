/// A place in a content file, printed compiler-style as `path:line:column` (1-based).
public struct FileLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file's path as the user gave it or as it was found.
  public var path: String
  /// The line, from 1.
  public var line: Int
  /// The column, from 1.
  public var column: Int

  /// Creates a location.
  public init(path: String, line: Int = 1, column: Int = 1) {
    self.path = path
    self.line = line
    self.column = column
  }

  public var description: String { "\(path):\(line):\(column)" }
}
