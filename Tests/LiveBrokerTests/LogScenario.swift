import Foundation

/// A situation the guides describe, created on the live broker by a real client, and the guide
/// that must explain the log entry the broker writes for it.
enum LogScenario: String, CaseIterable, Sendable, CustomStringConvertible {
  case resetAfterHandshake = "reset (SO_LINGER 0) after the handshake"
  case dropWithoutClose = "TCP closed without AMQP Connection.Close"
  case silentClient = "connects and sends nothing"
  case stoppedHeartbeats = "stops answering heartbeats (heartbeat 2 s)"
  case closedByOperator = "rabbitmqctl close_connection"
  case wrongPassword = "wrong password"

  var description: String { rawValue }

  /// The guide that explains the broker's entry.
  var expectedGuide: String {
    switch self {
    // RabbitMQ 3.10 logs a reset from the client like a FIN, as the guides say.
    case .resetAfterHandshake, .dropWithoutClose: "connection-closed-abruptly"
    case .silentClient: "handshake-timeout"
    case .stoppedHeartbeats: "missed-heartbeats"
    case .closedByOperator: "connection-forced"
    case .wrongPassword: "access-refused"
    }
  }

  /// The arguments of `live_client.py`, with the connection name `name`.
  func clientArguments(name: String) -> [String] {
    switch self {
    case .resetAfterHandshake: ["reset", "--name", name]
    case .dropWithoutClose: ["drop", "--name", name]
    case .silentClient: ["silent", "--seconds", "30"]
    case .stoppedHeartbeats:
      ["stop-heartbeats", "--heartbeat", "2", "--seconds", "10", "--name", name]
    case .closedByOperator: ["hold", "--heartbeat", "30", "--seconds", "60", "--name", name]
    case .wrongPassword: ["wrong-password", "--name", name]
    }
  }

  /// How long the broker may take to write the entry: the handshake timeout (3 s in
  /// `.ci/broker-start`), two to three missed 2 s heartbeats, or at once.
  var entryTimeout: TimeInterval {
    switch self {
    case .silentClient, .stoppedHeartbeats: 30
    default: 15
    }
  }
}
