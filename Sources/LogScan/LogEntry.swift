/// One log record at warning level or worse, with the lines that continue it: the reason line
/// of a connection error, an Erlang report's body, a traceback.
public struct LogEntry: Sendable, Equatable {
  /// The file as named to the scan, `-` for standard input.
  public var file: String
  /// The number of the entry's first line in its file, from 1.
  public var line: Int
  /// The entry's severity; `.unknown` for a client line whose words tell of an error.
  public var level: LogLevel
  /// When it was logged, in seconds since 1970 (UTC); `nil` when no line before it had a time.
  public var time: Int64?
  /// The message of each line, without timestamp, level and pid.
  public var messages: [String]

  /// The messages as one text, a line each.
  public var text: String { messages.joined(separator: "\n") }
}
