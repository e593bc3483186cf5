import Testing

/// Applications that misuse a client connection, on the live broker with pika: threads sharing
/// one connection, a consumer acking from worker threads, and a consumer whose own reconnect code
/// asks for the server-named queue of its closed connection.
enum LongTailClientScenario: String, CaseIterable, Sendable, CustomStringConvertible,
  CustomTestStringConvertible
{
  case threadsPublish = "four threads publishing through one pika connection"
  case acksFromThreads = "a pika consumer acking from worker threads"
  case serverNamedAfterReconnect =
    "a consumer reconnecting to the server-named queue of its closed connection"

  var testDescription: String { rawValue }
  var description: String { rawValue }

  var guide: String {
    switch self {
    case .threadsPublish, .acksFromThreads: "client-threading"
    case .serverNamedAfterReconnect: "client-recovery"
    }
  }

  /// The markers of the client's lines that the guide quotes; the first line holding one is
  /// pasted. Which of them a run prints differs from run to run.
  var clientMarkers: [String] {
    switch self {
    case .threadsPublish, .acksFromThreads:
      [
        "tx buffer size underflow", "pop from an empty deque", "got non content body frame instead",
        "_initate_abort() expected", "_tx_buffers is empty", "for unregistered channel",
        "Timeout closed before call", "_CallbackResult was not set",
      ]
    case .serverNamedAfterReconnect: ["no queue 'amq.gen-"]
    }
  }

}
