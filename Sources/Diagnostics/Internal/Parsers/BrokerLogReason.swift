import Foundation

/// The reasons the broker gives when it closes a connection, one per counted fact.
enum BrokerLogReason: CaseIterable, Sendable {
  case clientClosedTCP, missedHeartbeats, etimedout, econnreset, handshakeTimeout

  var factID: String {
    switch self {
    case .clientClosedTCP: "log-client-closed-tcp"
    case .missedHeartbeats: "log-missed-heartbeats"
    case .etimedout: "log-etimedout"
    case .econnreset: "log-econnreset"
    case .handshakeTimeout: "log-handshake-timeout"
    }
  }

  /// Whether `line` holds a word of some reason: one cheap test that spares most lines the
  /// full reading.
  static func mayMatch(_ line: String) -> Bool {
    keywords.matches(line)
  }

  static let keywords = NSRegularExpression.literal(
    "client unexpectedly|connection_closed_abruptly|missed heartbeats|etimedout|econnreset"
      + "|handshake_timeout")

  /// How the reason reads, for the evidence of a zero count.
  var label: String {
    switch self {
    case .clientClosedTCP: "client unexpectedly closed TCP connection"
    case .missedHeartbeats: "missed heartbeats from client"
    case .etimedout: "{inet_error,etimedout}"
    case .econnreset: "econnreset"
    case .handshakeTimeout: "{handshake_timeout,…}"
    }
  }

  /// Whether `message`, a log message without its timestamp, level and pid, states this
  /// reason. Only the reason line of an entry matches, never the `closing AMQP connection`
  /// line, whose client-provided name could contain any words.
  func matches(_ message: String) -> Bool {
    switch self {
    case .clientClosedTCP:
      // `connection_closed_abruptly` is what brokers before 3.7 logged for the same event.
      message.hasPrefix("client unexpectedly closed TCP connection")
        || message.hasPrefix("connection_closed_abruptly")
    case .missedHeartbeats: message.hasPrefix("missed heartbeats from client")
    case .etimedout:
      message.hasPrefix("{inet_error,etimedout}") || message.hasPrefix("{socket_error,etimedout}")
    case .econnreset: message.hasPrefix("{") && message.contains("econnreset")
    case .handshakeTimeout: message.hasPrefix("{handshake_timeout,")
    }
  }
}
