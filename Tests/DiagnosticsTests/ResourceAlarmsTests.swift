import Foundation
import TestSupport
import Testing

@testable import Diagnostics

/// The alarms-and-limits diagnostics on the real 3.10.8 outputs that
/// `Tests/Fixtures/lab/capture-alarms-limits.sh` captured: during a memory alarm
/// (`alarm-bundle`), a disk alarm and a file descriptor alarm (`captures`), and with vhost and
/// user limits set.
@Suite struct ResourceAlarmsTests {
  static let bundle = Fixtures.folder.appendingPathComponent("alarm-bundle")
  static let captures = Fixtures.folder.appendingPathComponent("captures")

  func reading(_ id: String, _ file: String, in folder: URL = bundle) throws -> DiagnosticReading {
    let text = try Fixtures.text(file, in: folder)
    return OutputReader.read(
      text, of: try BrokerFixtures.command(id), source: file, classifier: BrokerFixtures.classifier)
  }

  /// The output of `command` as a capture file shows it: the lines after `## $ command`, up to
  /// its `(exit status N)` line.
  func section(_ command: String, of file: String) throws -> String {
    let lines = try Fixtures.text(file, in: Self.captures).split(
      separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(
      lines.firstIndex { $0 == "## $ \(command)" }, "no section \(command) in \(file)")
    let body = lines[(start + 1)...].prefix { !$0.hasPrefix("(exit status") }
    return body.joined(separator: "\n")
  }

  @Test func theAlarmsCommandDuringAMemoryAlarm() throws {
    let alarms = try reading("rabbitmq-alarms", "rabbitmq-diagnostics-alarms.txt")
    #expect(alarms.problem == nil)
    #expect(
      alarms.summary
        == "memory-alarms = 1.0, disk-alarms = 0.0, file-descriptor-alarms = 0.0, resource-alarms = 1.0"
    )
    #expect(alarms.fact("memory-alarms")?.evidence == ["Memory alarm on node rabbit@localhost"])
  }

  @Test func theAlarmsCommandDuringADiskAlarmAndWithNone() throws {
    let output = try section("rabbitmq-diagnostics -q alarms", of: "alarm-disk.txt")
    let disk = try BrokerFixtures.reading("rabbitmq-alarms", output: output)
    #expect(disk.value("disk-alarms") == 1 && disk.value("memory-alarms") == 0, "\(disk.summary)")
    let none = try BrokerFixtures.reading(
      "rabbitmq-alarms",
      output:
        "Asking node rabbit@localhost to report any known resource alarms ...\nNode rabbit@localhost reported no alarms, local or clusterwide\n"
    )
    #expect(none.problem == nil)
    #expect(none.value("resource-alarms") == 0, "\(none.summary)")
    let quiet = try BrokerFixtures.reading("rabbitmq-alarms", output: "")
    #expect(
      quiet.value("resource-alarms") == 0,
      "with -q and no alarms nothing is printed: \(quiet.summary)")
  }

  /// RabbitMQ 3.10's CLI fails on the file descriptor alarm its own broker reports; the failure
  /// names the alarm, so it counts as one.
  @Test func theCLIsFailureOnAFileDescriptorAlarmCountsAsTheAlarm() throws {
    let output = try section("rabbitmq-diagnostics -q alarms", of: "fd-limit-json.txt")
    #expect(output.contains("FunctionClauseError"))
    let alarms = try BrokerFixtures.reading("rabbitmq-alarms", output: output)
    #expect(alarms.problem == nil, "\(alarms.summary)")
    #expect(alarms.value("file-descriptor-alarms") == 1, "\(alarms.summary)")
    #expect(alarms.value("memory-alarms") == 0)
    #expect(
      alarms.fact("file-descriptor-alarms")?.evidence.first?.contains(
        "{:file_descriptor_limit, []}") == true)
  }

  @Test func statusDuringAMemoryAlarm() throws {
    let status = try reading("rabbitmq-status", "rabbitmq-diagnostics-status.txt")
    #expect(status.problem == nil)
    #expect(status.value("memory-alarms") == 1)
    #expect(status.value("disk-alarms") == 0)
    #expect(status.value("active-alarm-count") == 1)
    // Total memory used: 0.1266 gb against computed to: 0.0025 gb.
    #expect(status.value("memory-used-percent-of-watermark") == 5064)
    #expect(
      status.fact("memory-used-percent-of-watermark")?.evidence
        == [
          "Total memory used: 0.1266 gb",
          "Memory high watermark setting: 0.0001 of available memory, computed to: 0.0025 gb",
        ])
    // Free disk space: 79.8553 gb against a 0.05 gb limit; Total: 6, limit: 927; Sockets: 1, limit: 832.
    #expect(status.value("disk-free-percent-of-limit") == 159_710.6)
    #expect(status.value("file-descriptors-used-percent") == 0.6)
    #expect(status.value("sockets-used-percent") == 0.1)
  }

  @Test func statusDuringADiskAlarm() throws {
    let status = try reading(
      "rabbitmq-status", "alarm-disk-rabbitmq-diagnostics-status.txt", in: Self.captures)
    #expect(status.value("disk-alarms") == 1, "\(status.summary)")
    #expect(status.value("memory-alarms") == 0)
    // 79.8553 gb free against a limit of 1.0e5 gb.
    #expect(status.value("disk-free-percent-of-limit") == 0.1)
  }

  /// 3.10's status lists no alarm while the file descriptor alarm holds; the figures show it.
  @Test func statusNearTheFileDescriptorLimit() throws {
    let status = try reading(
      "rabbitmq-status", "fd-limit-rabbitmq-diagnostics-status.txt", in: Self.captures)
    #expect(status.value("active-alarm-count") == 0)
    #expect(status.value("file-descriptors-used-percent") == 96.8, "Total: 30, limit: 31")
    #expect(status.value("sockets-used-percent") == 100, "Sockets: 25, limit: 25")
    #expect(status.fact("sockets-used-percent")?.evidence == ["Sockets: 25, limit: 25"])
  }

  @Test func theMemoryBreakdownByGroup() throws {
    let breakdown = try reading(
      "rabbitmq-memory-breakdown", "rabbitmq-diagnostics-memory_breakdown.txt")
    #expect(breakdown.problem == nil)
    #expect(
      breakdown.summary
        == "memory-queues-percent = 0.1, memory-connections-percent = 0.07, memory-binary-percent = 0.22, memory-quorum-ets-percent = 0.02, memory-management-percent = 0.43"
    )
    #expect(
      breakdown.fact("memory-queues-percent")?.evidence
        == ["quorum_queue_procs: 0.0001 gb (0.05%)", "queue_procs: 0.0001 gb (0.05%)"])
  }

  @Test func aBreakdownDominatedByQueues() throws {
    let output = """
      queue_procs: 3.2 gb (61.5%)
      binary: 1.1 gb (21.2 %)
      connection_readers: 0.2 gb (3.8%)
      code: 0.03 gb (0.6%)
      """
    let breakdown = try BrokerFixtures.reading("rabbitmq-memory-breakdown", output: output)
    #expect(breakdown.value("memory-queues-percent") == 61.5)
    #expect(breakdown.value("memory-binary-percent") == 21.2)
    #expect(breakdown.value("memory-connections-percent") == 3.8)
  }

  @Test func vhostAndUserLimits() throws {
    let vhosts = try reading("rabbitmqctl-list-vhost-limits", "rabbitmqctl-list_vhost_limits.txt")
    #expect(
      vhosts.summary
        == "vhosts-with-limits = 1.0, vhost-connection-limits = 1.0, vhost-queue-limits = 1.0")
    #expect(
      vhosts.fact("vhost-queue-limits")?.evidence.last
        == "rmq-doctor-limits\t{\"max-connections\":2,\"max-queues\":2}")
    let users = try reading("rabbitmqctl-list-user-limits", "rabbitmqctl-list_user_limits.txt")
    #expect(
      users.summary
        == "users-with-limits = 1.0, user-connection-limits = 1.0, user-channel-limits = 1.0")
  }

  @Test func limitsThatLimitNothingAndNoLimitsAtAll() throws {
    let output =
      "Listing limits for all vhosts ...\nvhost\tlimits\nopen\t{\"max-connections\":-1}\nclosed\t{\"max-connections\":0}\n"
    let vhosts = try BrokerFixtures.reading("rabbitmqctl-list-vhost-limits", output: output)
    #expect(
      vhosts.value("vhost-connection-limits") == 1,
      "-1 is no limit, 0 refuses all: \(vhosts.summary)")
    #expect(vhosts.value("vhost-queue-limits") == 0)
    for (id, headline) in [
      ("rabbitmqctl-list-vhost-limits", "Listing limits for all vhosts ..."),
      ("rabbitmqctl-list-user-limits", "Listing limits for all users ..."),
    ] {
      let none = try BrokerFixtures.reading(id, output: headline + "\n")
      #expect(
        none.problem == nil && !none.facts.isEmpty && none.facts.allSatisfy { $0.value == 0 },
        "\(id): \(none.summary)")
    }
    let json = try BrokerFixtures.reading(
      "rabbitmqctl-list-user-limits",
      output: "[\n{\"user\":\"tmp\",\"limits\":\"{\\\"max-connections\\\":1}\"}\n]\n")
    #expect(
      json.summary
        == "users-with-limits = 1.0, user-connection-limits = 1.0, user-channel-limits = 0.0")
  }

  @Test func blockedConnectionsPointToThePublishersBlockedGuide() throws {
    let connections = try reading(
      "rabbitmqctl-list-connections", "rabbitmqctl-list_connections.txt")
    #expect(connections.value("blocked-connections") == 1, "\(connections.summary)")
    let rule = try #require(
      try BrokerFixtures.command("rabbitmqctl-list-connections").yields.first {
        $0.fact == "blocked-connections"
      }?.finding)
    #expect(rule.guide == "publishers-blocked")
  }
}
