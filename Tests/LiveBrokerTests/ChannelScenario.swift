import Foundation

/// A channel error the guides describe, made on the live broker by a real pika client
/// (`Clients/channel_client.py`), and the guide that must explain what the broker logs and what
/// the client raises.
enum ChannelScenario: String, CaseIterable, Sendable, CustomStringConvertible {
  case redeclare = "queue declared again with another durable"
  case redeclareType = "queue declared again as another type"
  case consumeMissing = "consume from a missing queue"
  case publishMissing = "publish to a missing exchange"
  case exclusiveQueue = "exclusive queue used from another connection"
  case exclusiveConsumer = "second consumer on a queue with an exclusive consumer"
  case reservedName = "queue named amq.*"
  case noWritePermission = "publish without write permission"
  case doubleAck = "the same delivery acknowledged twice"
  case ackTimeout = "a delivery never acknowledged (consumer_timeout 5 s)"
  case oversized = "message over max_message_size (4096 bytes)"
  case frameTooLarge = "frame larger than frame_max"
  case reuseChannel = "a closed channel used again"

  var description: String { rawValue }

  /// The user `noWritePermission` connects as, made for the run and deleted after it.
  static let noWriteUser = "rmq-doctor-live-nowrite"
  static let noWritePassword = "rmq-doctor-live-nowrite-secret"

  /// The guide that explains the broker's entry and the client's exception.
  var expectedGuide: String {
    switch self {
    case .redeclare, .redeclareType: "inequivalent-arg"
    case .consumeMissing, .publishMissing: "not-found"
    case .exclusiveQueue: "resource-locked"
    case .exclusiveConsumer, .reservedName, .noWritePermission: "channel-access-refused"
    case .doubleAck: "unknown-delivery-tag"
    case .ackTimeout: "delivery-ack-timeout"
    case .oversized, .frameTooLarge: "frame-error"
    case .reuseChannel: "channel-closed"
    }
  }

  /// The arguments of `channel_client.py`; `name` is the connection's name, and names the
  /// queue too, so that scenarios running at once never share one.
  func clientArguments(name: String) -> [String] {
    let common = ["--name", name, "--queue", "\(name)-queue"]
    switch self {
    case .redeclare: return ["redeclare"] + common
    case .redeclareType: return ["redeclare-type"] + common
    case .consumeMissing: return ["consume-missing"] + common
    case .publishMissing: return ["publish-missing"] + common
    case .exclusiveQueue: return ["exclusive"] + common
    case .exclusiveConsumer: return ["exclusive-consumer"] + common
    case .reservedName: return ["reserved-name"] + common
    case .noWritePermission:
      return ["publish"] + common + [
        "--user", Self.noWriteUser, "--password", Self.noWritePassword,
      ]
    case .doubleAck: return ["double-ack"] + common
    case .ackTimeout: return ["ack-never", "--seconds", "100"] + common
    case .oversized: return ["oversized", "--size", "10000"] + common
    case .frameTooLarge: return ["frame-too-large"] + common
    case .reuseChannel: return ["reuse-channel"] + common
    }
  }

  /// How long the scenario may take: RabbitMQ checks consumer_timeout about once a minute.
  var timeout: TimeInterval { self == .ackTimeout ? 110 : 20 }

  /// The guide of the error the broker logs before this scenario's own on the same connection,
  /// for a follow-on error.
  var firstError: String? { self == .reuseChannel ? "not-found" : nil }
}
