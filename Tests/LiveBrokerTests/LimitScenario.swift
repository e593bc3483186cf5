import Foundation

/// A resource alarm or a configured limit that the guides describe, met by a real pika client
/// (`Clients/limits_client.py`) on the live broker, and the guides that must explain what the
/// broker logs and what the client raises.
enum LimitScenario: String, CaseIterable, Sendable, CustomStringConvertible {
  case memoryAlarm = "publisher during a memory alarm (vm_memory_high_watermark 0.0001)"
  case diskAlarm = "publisher during a disk alarm (disk_free_limit 100000GB)"
  case vhostConnections = "third connection to a vhost with max-connections 2"
  case vhostQueues = "third queue in a vhost with max-queues 2"
  case userConnections = "second connection of a user with max-connections 1"
  case userChannels = "third channel of a user with max-channels 2"
  case channelMax = "fifth channel on a connection that negotiated channel_max 4"

  var description: String { rawValue }

  /// Whether the scenario raises a node-wide alarm (the broker's entry is the alarm's, not the
  /// connection's).
  var isAlarm: Bool { self == .memoryAlarm || self == .diskAlarm }

  /// The guide that explains the broker's entry.
  var brokerGuide: String {
    switch self {
    case .memoryAlarm: "memory-alarm"
    case .diskAlarm: "disk-alarm"
    default: "connection-limits"
    }
  }

  /// The guide that explains what the client raises.
  var clientGuide: String { isAlarm ? "publishers-blocked" : "connection-limits" }

  /// The start of the alarm's line in the broker log.
  var alarmLine: String? {
    switch self {
    case .memoryAlarm: "memory resource limit alarm set on node"
    case .diskAlarm: "disk resource limit alarm set on node"
    default: nil
    }
  }

  /// The arguments of `limits_client.py`; `name` names the connections, the vhost, the user and
  /// the queues of this run, so that nothing is shared with other tests.
  func clientArguments(name: String) -> [String] {
    let common = ["--name", name, "--queue", "\(name)-queue"]
    switch self {
    case .memoryAlarm, .diskAlarm:
      return ["publish-blocked", "--count", "20", "--seconds", "8"] + common
    case .vhostConnections:
      return ["connections", "--vhost", name, "--count", "3", "--seconds", "1"] + common
    case .vhostQueues: return ["queues", "--vhost", name, "--count", "3"] + common
    case .userConnections:
      return [
        "connections", "--user", name, "--password", Self.password, "--count", "2", "--seconds",
        "1",
      ] + common
    case .userChannels:
      return ["channels", "--user", name, "--password", Self.password, "--count", "3"] + common
    case .channelMax: return ["channel-past-max", "--count", "4"] + common
    }
  }

  /// The client-provided name of the connection the broker refuses or closes.
  func refusedConnection(name: String) -> String {
    switch self {
    case .vhostConnections: "\(name)-3"
    case .userConnections: "\(name)-2"
    default: name
    }
  }

  /// The password of the users the scenarios create.
  static let password = "rmq-doctor-live-limited-secret"

  /// What the scenario needs on the broker, made through `setup` (which undoes it).
  func prepare(_ setup: BrokerSetup, name: String) throws {
    switch self {
    case .memoryAlarm:
      try setup.change(
        ["set_vm_memory_high_watermark", "0.0001"],
        restoring: "vm_memory_monitor:get_vm_memory_high_watermark()",
        with: "vm_memory_monitor:set_vm_memory_high_watermark")
    case .diskAlarm:
      try setup.change(
        ["set_disk_free_limit", "100000GB"], restoring: "rabbit_disk_monitor:get_disk_free_limit()",
        with: "rabbit_disk_monitor:set_disk_free_limit")
    case .vhostConnections, .vhostQueues:
      try setup.run(["add_vhost", name])
      try setup.run(["set_permissions", "-p", name, "guest", ".*", ".*", ".*"])
      let limit = self == .vhostConnections ? "max-connections" : "max-queues"
      try setup.run(["set_vhost_limits", "-p", name, "{\"\(limit)\": 2}"])
    case .userConnections, .userChannels:
      try setup.run(["add_user", name, Self.password])
      try setup.run(["set_permissions", "-p", "/", name, ".*", ".*", ".*"])
      let limit = self == .userConnections ? "{\"max-connections\": 1}" : "{\"max-channels\": 2}"
      try setup.run(["set_user_limits", name, limit])
    case .channelMax:
      break
    }
    if isAlarm { setup.remember(["delete_queue", "\(name)-queue"]) }
  }
}
