import Foundation
import GuideKit
import Testing

@testable import Diagnostics

/// `rabbitmqctl list_connections` tables, real and varied.
@Suite struct RabbitmqctlTableTests {
  static let id = "rabbitmqctl-list-connections"

  @Test func fullTableCountsTheConnectionWithHeartbeatsOff() throws {
    let reading = try BrokerFixtures.reading(Self.id, "rabbitmqctl-list_connections-a-full.txt")
    #expect(reading.problem == nil)
    #expect(reading.value("connection-count") == 5)
    #expect(reading.value("heartbeat-zero-connections") == 1)
    #expect(reading.value("blocked-connections") == 0)
    let evidence = try #require(reading.fact("heartbeat-zero-connections")).evidence
    #expect(evidence.first?.hasPrefix("name\ttimeout\tstate") == true)
    #expect(evidence.contains { $0.hasPrefix("127.0.0.1:40766 -> 127.0.0.1:5672\t0\t") })
    #expect(
      reading.fact("connection-count")?.source
        == "\(Self.id):rabbitmqctl-list_connections-a-full.txt")
  }

  @Test(arguments: [
    "rabbitmqctl-list_connections.txt", "rabbitmqctl-q-list_connections.txt",
    "rabbitmqctl-list_connections-json.txt",
  ])
  func plainQuietAndJSONAgree(file: String) throws {
    let reading = try BrokerFixtures.reading(Self.id, file)
    #expect(
      reading.summary
        == "connection-count = 5.0, heartbeat-zero-connections = 1.0, blocked-connections = 0.0")
  }

  @Test func noConnectionsMeansZeroWithoutAHeader() throws {
    let reading = try BrokerFixtures.reading(Self.id, "rabbitmqctl-list_connections-empty.txt")
    #expect(reading.problem == nil)
    #expect(reading.value("connection-count") == 0)
    #expect(reading.value("heartbeat-zero-connections") == 0)
    #expect(reading.fact("connection-count")?.evidence.first == "Listing connections ...")
    // With -q and no connections rabbitmqctl prints nothing at all.
    let quiet = try BrokerFixtures.reading(Self.id, output: "")
    #expect(quiet.value("connection-count") == 0)
    #expect(quiet.problem == nil)
  }

  @Test func columnsAreFoundByName() throws {
    // Other columns than the catalogue asks for: no timeout and no state, so only the count.
    let extra = try BrokerFixtures.reading(Self.id, "rabbitmqctl-list_connections-extra.txt")
    #expect(extra.summary == "connection-count = 5.0")
    let properties = try BrokerFixtures.reading(
      Self.id, "rabbitmqctl-list_connections-client_properties.txt")
    #expect(properties.value("connection-count") == 4)
    #expect(properties.value("heartbeat-zero-connections") == 1)
    #expect(properties.fact("blocked-connections") == nil)
    let stalled = try BrokerFixtures.reading(
      Self.id, "rabbitmqctl-list_connections-b2-stalled-consumer.txt")
    #expect(stalled.value("heartbeat-zero-connections") == 1)
  }

  @Test func reorderedAndExtraColumnsStillWork() throws {
    let output = """
      Listing connections ...
      state\tprotocol\ttimeout\tname\tuser
      blocked\t{0,9,1}\t0\t10.0.0.7:5000 -> 10.0.0.2:5672\tapp
      running\t{0,9,1}\t60\t10.0.0.8:5001 -> 10.0.0.2:5672\tapp
      blocking\t{0,9,1}\t0\t10.0.0.9:5002 -> 10.0.0.2:5672\t

      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(reading.value("connection-count") == 3)
    #expect(reading.value("heartbeat-zero-connections") == 2)
    #expect(reading.value("blocked-connections") == 2)
  }

  @Test func crlfLineEndingsAreRemovedFromTheLastColumn() throws {
    let output =
      "Listing connections ...\r\nname\tstate\ttimeout\r\nc1\tblocked\t0\r\nc2\trunning\t30\r\n"
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(reading.value("heartbeat-zero-connections") == 1)
    #expect(reading.value("blocked-connections") == 1)
  }

  @Test func withoutAHeaderTheArgumentsNameTheColumns() throws {
    // rabbitmqctl before 3.7 printed no header row and ended with `...done.`.
    var command = try BrokerFixtures.command(Self.id)
    command.argv = ["rabbitmqctl", "-q", "list_connections", "name", "timeout", "state"]
    let output = "Listing connections ...\nc1\t0\tblocked\nc2\t60\trunning\n...done.\n"
    let reading = OutputReader.read(
      output, of: command, source: "live", classifier: BrokerFixtures.classifier)
    #expect(
      reading.summary
        == "connection-count = 2.0, heartbeat-zero-connections = 1.0, blocked-connections = 1.0")
  }

  @Test func brokerDownIsAProblemWithoutFacts() throws {
    let reading = try BrokerFixtures.reading(
      Self.id, "rabbitmqctl-list_connections-broker-down.txt")
    #expect(reading.problem == "the node is not running")
    #expect(reading.facts.isEmpty)
  }

  @Test func runningAsNobodyIsPermissionDenied() throws {
    let reading = try BrokerFixtures.reading(Self.id, "rabbitmqctl-as-nobody.txt")
    #expect(reading.problem == "permission denied: Only root or rabbitmq should run rabbitmqctl")
    #expect(reading.facts.isEmpty)
  }

  @Test func rowsThatDoNotFitTheHeaderAreNotGuessed() throws {
    let reading = try BrokerFixtures.reading(
      Self.id, output: "name\ttimeout\tstate\nsomething else entirely\n")
    #expect(reading.problem == "unrecognised output: something else entirely")
    #expect(reading.facts.isEmpty)
  }
}
