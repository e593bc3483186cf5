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

  /// The text the classifier searches: the messages without the frames of a Python or Java
  /// stack trace, which name the application's code rather than the error. The exception
  /// lines (`pika.exceptions.AMQPConnectionError: …`, `Caused by: …`) stay.
  public var classificationText: String {
    let python = messages.contains { $0.hasPrefix("Traceback (most recent call last)") }
    let java = messages.contains { Self.isJavaFrame($0) }
    guard python || java else { return text }
    let kept = messages.filter { line in
      if line.hasPrefix("Traceback (most recent call last)") { return false }
      if python, line.first == " " || line.first == "\t" { return false }
      return !Self.isJavaFrame(line)
    }
    return kept.isEmpty ? text : kept.joined(separator: "\n")
  }

  static func isJavaFrame(_ line: String) -> Bool {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    guard trimmed.count < line.count else { return false }
    return (trimmed.hasPrefix("at ") && trimmed.contains("(")) || trimmed.hasPrefix("... ")
  }
}
