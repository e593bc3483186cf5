import Foundation

/// The reasons the broker gives when it closes a connection, one per counted fact.
enum BrokerLogReason: CaseIterable, Sendable {
  case clientClosedTCP, missedHeartbeats, etimedout, econnreset, handshakeTimeout
  case connectionForced, accessRefused

  var factID: String {
    switch self {
    case .clientClosedTCP: "log-client-closed-tcp"
    case .missedHeartbeats: "log-missed-heartbeats"
    case .etimedout: "log-etimedout"
    case .econnreset: "log-econnreset"
    case .handshakeTimeout: "log-handshake-timeout"
    case .connectionForced: "log-connection-forced"
    case .accessRefused: "log-access-refused"
    }
  }

  /// Whether `line` holds a word of some reason: one cheap test that spares most lines the
  /// full reading.
  static func mayMatch(_ line: String) -> Bool {
    keywords.matches(line)
  }

  static let keywords = NSRegularExpression.literal(
    "client unexpectedly|connection_closed_abruptly|missed heartbeats|etimedout|econnreset"
      + "|handshake_timeout|connection_forced|login refused|access_refused|not_allowed"
      + "|access to vhost|vhost \\S+ not found")

  /// How the reason reads, for the evidence of a zero count.
  var label: String {
    switch self {
    case .clientClosedTCP: "client unexpectedly closed TCP connection"
    case .missedHeartbeats: "missed heartbeats from client"
    case .etimedout: "{inet_error,etimedout}"
    case .econnreset: "econnreset"
    case .handshakeTimeout: "{handshake_timeout,…}"
    case .connectionForced: "connection_forced"
    case .accessRefused: "login or virtual host refused"
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
    case .connectionForced:
      // `operation none caused a connection exception connection_forced: "<why>"` since 3.6,
      // the Erlang term before it.
      (message.hasPrefix("operation ")
        && message.contains(" connection exception connection_forced"))
        || message.hasPrefix("{amqp_error,connection_forced,")
    case .accessRefused:
      Self.refusedLogin.matches(message)
        || (message.hasPrefix("access to vhost ") && message.contains(" refused for user "))
        || Self.missingVirtualHost.matches(message)
        || (message.hasPrefix("{handshake_error,")
          && (message.contains("access_refused") || message.contains("not_allowed")))
    }
  }

  /// `PLAIN login refused: user 'guest' - invalid credentials`, with any mechanism.
  static let refusedLogin = NSRegularExpression.literal("^[A-Z0-9_-]+ login refused: ")

  /// `vhost nosuchvhost not found`, the reason for a 530 NOT_ALLOWED on a missing virtual host.
  static let missingVirtualHost = NSRegularExpression.literal("^vhost \\S+ not found$")
}
