/// An exact error message a guide explains, as it appears in a log or an exception.
public struct ErrorSignature: Codable, Sendable, Hashable {
  /// The message text, without timestamps, pids or addresses.
  public var text: String
  /// Whether the broker or a client prints it.
  public var side: Side
  /// The client library, for client-side messages.
  public var library: ClientLibrary?
  /// The broker's log format, for broker-side messages.
  public var format: LogFormat?
  /// The versions the message applies to, as free text.
  public var versions: String?
  /// One line of context.
  public var note: String?
  /// Where the quoted text comes from: `capture: <file under Tests/Fixtures>`,
  /// `source: <owner/repo> <path>` (a client's or the broker's source), `docs: <url>`, or
  /// `thread: <owner/repo#number>` (a public report).
  public var origin: String?

  /// Creates a signature.
  public init(
    text: String, side: Side, library: ClientLibrary? = nil, format: LogFormat? = nil,
    versions: String? = nil, note: String? = nil, origin: String? = nil
  ) {
    self.text = text
    self.side = side
    self.library = library
    self.format = format
    self.versions = versions
    self.note = note
    self.origin = origin
  }

  /// The kinds of `origin`, each followed by a colon and where to look.
  public static let originKinds = ["capture", "source", "docs", "thread"]
}

/// Which end of the connection prints a message.
public enum Side: String, Codable, Sendable, CaseIterable {
  case broker, client
}

/// The client libraries whose messages guides quote.
public enum ClientLibrary: String, Codable, Sendable, CaseIterable {
  case pika
  case aioPika = "aio-pika"
  case java
  case dotnet
  case goAMQP091 = "go-amqp091"
  case amqplib
  case kombu
  case springAMQP = "spring-amqp"
  case phpAMQPLib = "php-amqplib"
  case bunny
  case cli
}

/// The broker's log formats.
public enum LogFormat: String, Codable, Sendable, CaseIterable {
  /// One line per event, RabbitMQ 3.9 and later: `2026-11-23 04:46:25.280625+00:00 [warning] ...`.
  case structured
  /// The older `=WARNING REPORT==== date ===` blocks.
  case legacy
  /// The JSON log format.
  case json
}
