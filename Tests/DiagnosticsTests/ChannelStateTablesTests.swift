import Foundation
import TestSupport
import Testing

@testable import Diagnostics

/// The channel family's tables (`list_queues`, `list_exchanges`, `list_permissions`,
/// `list_consumers`, `list_channels`) on real 3.10.8 outputs and on their variants.
@Suite struct ChannelStateTablesTests {
  static let bundle = Fixtures.folder.appendingPathComponent("channel-bundle")

  /// Diagnostic `id` reading the real output `file` of the channel bundle.
  func reading(_ id: String, _ file: String) throws -> DiagnosticReading {
    let text = try Fixtures.text(file, in: Self.bundle)
    return OutputReader.read(
      text, of: try BrokerFixtures.command(id), source: file, classifier: BrokerFixtures.classifier)
  }

  @Test func queuesWithTheirPropertiesAndArguments() throws {
    let queues = try reading("rabbitmqctl-list-queues", "rabbitmqctl-list_queues.txt")
    #expect(queues.problem == nil)
    #expect(
      queues.summary
        == "queue-count = 3.0, exclusive-queues = 1.0, queues-with-arguments = 2.0, quorum-queues = 1.0, queues-with-unacked = 1.0"
    )
    let exclusive = try #require(queues.fact("exclusive-queues")).evidence
    #expect(exclusive.first?.hasPrefix("name\tdurable\tauto_delete\texclusive") == true)
    #expect(exclusive.dropFirst().map { $0.prefix(10) } == ["session-42"])
    let arguments = try #require(queues.fact("queues-with-arguments")).evidence
    #expect(
      arguments.contains { $0.hasPrefix("orders\ttrue\tfalse\tfalse\t[{\"x-message-ttl\",60000}") })
  }

  @Test func exchangesPermissionsConsumersAndChannels() throws {
    let exchanges = try reading("rabbitmqctl-list-exchanges", "rabbitmqctl-list_exchanges.txt")
    #expect(exchanges.summary == "exchange-count = 8.0, exchanges-with-arguments = 0.0")
    for file in ["rabbitmqctl-list_permissions.txt", "rabbitmqctl-list_user_permissions.txt"] {
      let permissions = try reading("rabbitmqctl-list-permissions", file)
      #expect(permissions.value("permissions-without-write") == 1, "\(file)")
      #expect(permissions.value("permissions-without-read") == 0, "\(file)")
      #expect(permissions.value("permissions-without-configure") == 0, "\(file)")
    }
    let noWrite = try reading("rabbitmqctl-list-permissions", "rabbitmqctl-list_permissions.txt")
    #expect(
      noWrite.fact("permissions-without-write")?.evidence.last?.hasPrefix(
        "rmq-doctor-nowrite\t.*\t\t.*") == true)
    let consumers = try reading("rabbitmqctl-list-consumers", "rabbitmqctl-list_consumers.txt")
    #expect(
      consumers.summary
        == "consumer-count = 2.0, manual-ack-consumers = 2.0, waiting-consumers = 0.0")
    let channels = try reading("rabbitmqctl-list-channels", "rabbitmqctl-list_channels.txt")
    #expect(
      channels.summary == "channel-count = 1.0, channels-with-unacked = 1.0, unacked-messages = 5.0"
    )
  }

  @Test func quietEmptyOutputIsZeroForEveryTable() throws {
    for id in [
      "rabbitmqctl-list-queues", "rabbitmqctl-list-exchanges", "rabbitmqctl-list-permissions",
      "rabbitmqctl-list-consumers", "rabbitmqctl-list-channels",
    ] {
      let reading = try BrokerFixtures.reading(id, output: "")
      #expect(reading.problem == nil, "\(id)")
      #expect(
        !reading.facts.isEmpty && reading.facts.allSatisfy { $0.value == 0 },
        "\(id): \(reading.summary)")
    }
  }

  @Test func theJSONFormatterGivesTheSameCounts() throws {
    let json = """
      [
      {"name":"orders","durable":true,"auto_delete":false,"exclusive":false,"arguments":{"x-message-ttl":60000},"type":"classic","messages":5,"messages_unacknowledged":5,"consumers":1}
      ,{"name":"session-42","durable":false,"auto_delete":false,"exclusive":true,"arguments":{},"type":"classic","messages":0,"messages_unacknowledged":0,"consumers":1}
      ]
      """
    let reading = try BrokerFixtures.reading("rabbitmqctl-list-queues", output: json)
    #expect(
      reading.summary
        == "queue-count = 2.0, exclusive-queues = 1.0, queues-with-arguments = 1.0, quorum-queues = 0.0, queues-with-unacked = 1.0"
    )
  }

  @Test func aTableWithoutAColumnLeavesItsFactOut() throws {
    let output = "Listing queues for vhost / ...\nname\tmessages\norders\t5\n"
    let reading = try BrokerFixtures.reading("rabbitmqctl-list-queues", output: output)
    #expect(reading.summary == "queue-count = 1.0")
  }

  @Test func theEnvironmentGivesTheConsumerTimeoutAndMaxMessageSize() throws {
    let reading = try BrokerFixtures.reading(
      "rabbitmq-environment", "rabbitmq-diagnostics-q-environment.txt")
    #expect(reading.value("consumer-timeout-ms") == 1_800_000)
    #expect(reading.value("max-message-size-bytes") == 134_217_728)
    #expect(
      reading.fact("consumer-timeout-ms")?.evidence.first?.contains("{consumer_timeout,1800000}")
        == true)
  }
}
