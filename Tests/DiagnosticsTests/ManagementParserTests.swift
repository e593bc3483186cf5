import Foundation
import GuideKit
import TestSupport
import Testing

@testable import Diagnostics

/// The management-* parsers, each reached through `OutputReader.read` with the shipped
/// catalogue's `api-*` command, on the real RabbitMQ 3.10.8 answers that
/// `Tests/Fixtures/lab/capture-management-api-answers.sh` captured into
/// `Tests/Fixtures/management-api` (see its README), and `ManagementViews.disagreement` on two
/// views of the cluster.
@Suite struct ManagementParserTests {
  static let folder = Fixtures.folder.appendingPathComponent("management-api")

  /// The text of fixture `name` in `Tests/Fixtures/management-api`.
  func text(_ name: String) throws -> String { try Fixtures.text(name, in: Self.folder) }

  /// Diagnostic `id` of the shipped catalogue reading fixture `name`.
  func reading(_ id: String, _ name: String) throws -> DiagnosticReading {
    OutputReader.read(
      try text(name), of: try BrokerFixtures.command(id), source: name,
      classifier: BrokerFixtures.classifier)
  }

  /// Diagnostic `id` reading `output` written in the test.
  func reading(_ id: String, output: String) throws -> DiagnosticReading {
    OutputReader.read(
      output, of: try BrokerFixtures.command(id), source: "live",
      classifier: BrokerFixtures.classifier)
  }

  /// The evidence of fact `id`, every line joined, for `contains` checks.
  func evidence(_ reading: DiagnosticReading, _ id: String) -> String {
    reading.fact(id)?.evidence.joined(separator: "\n") ?? "(no fact \(id))"
  }

  // ---------------------------------------------------------------- the catalogue

  @Test(arguments: [
    ("api-overview", OutputParserKind.managementOverview), ("api-nodes", .managementNodes),
    ("api-connections", .managementConnections), ("api-health-alarms", .managementHealthCheck),
    ("api-health-virtual-hosts", .managementHealthCheck),
  ])
  func theCatalogueEntriesUseTheManagementParsers(id: String, parser: OutputParserKind) throws {
    let command = try BrokerFixtures.command(id)
    #expect(command.parser == parser)
    #expect(command.httpGet?.hasPrefix("/api/") == true)
    #expect(command.argv.isEmpty)
  }

  // ---------------------------------------------------------------- /api/overview

  @Test func overviewOfAQuietCluster() throws {
    let overview = try reading("api-overview", "overview.json")
    #expect(overview.problem == nil)
    #expect(
      overview.summary
        == "connection-churn-per-second = 0.0, connection-close-per-second = 0.0, channel-churn-per-second = 0.0"
    )
    let churn = try #require(overview.fact("connection-churn-per-second"))
    #expect(churn.source == "api-overview:overview.json")
    #expect(
      churn.evidence.first
        == "rabbit@localhost answered: RabbitMQ 3.10.8, Erlang 25.2.3, cluster rabbit@vm")
    #expect(
      churn.evidence.contains(
        "churn_rates.connection_created: 0 since start, 0.0/s now (connections opened)"),
      "\(churn.evidence)")
    // One connection had been closed since the node started (the fixture's churn_rates).
    #expect(
      evidence(overview, "connection-close-per-second").contains(
        "churn_rates.connection_closed: 1 since start"),
      "\(overview.fact("connection-close-per-second")?.evidence ?? [])")
  }

  @Test func overviewRatesAreRoundedToOneDecimal() throws {
    // The real answer with its connection_created rate as a sampled, fractional rate.
    let real = try text("overview.json")
    let busy = real.replacingOccurrences(
      of: "\"connection_created_details\":{\"rate\":0.0}",
      with: "\"connection_created_details\":{\"rate\":12.36}")
    #expect(busy != real)
    let overview = try reading("api-overview", output: busy)
    #expect(overview.value("connection-churn-per-second") == 12.4, "\(overview.summary)")
    #expect(overview.value("connection-close-per-second") == 0)
  }

  // ---------------------------------------------------------------- /api/nodes

  @Test func nodesWithBothMembersRunning() throws {
    let nodes = try reading("api-nodes", "nodes.json")
    #expect(nodes.problem == nil)
    #expect(nodes.value("cluster-nodes") == 2)
    #expect(nodes.fact("cluster-nodes")?.evidence == ["rabbit2@localhost", "rabbit@localhost"])
    #expect(nodes.value("cluster-nodes-down") == 0)
    #expect(nodes.fact("cluster-nodes-down")?.evidence == ["every member is running"])
    #expect(nodes.value("network-partitions") == 0)
    #expect(nodes.value("memory-alarms") == 0)
    #expect(nodes.fact("memory-alarms")?.evidence == ["mem_alarm false on every node"])
    #expect(nodes.value("disk-alarms") == 0)
    // rabbit2: 141639680 of 10110477926 bytes (1.4%), 41 of 1024 descriptors (4.0%); rabbit
    // has 40 (3.9%) and the lower free disk space, 75362770944 bytes of a 50000000 limit.
    #expect(nodes.value("memory-used-percent-of-watermark") == 1.4)
    #expect(
      evidence(nodes, "memory-used-percent-of-watermark")
        == "rabbit2@localhost: mem_used 141639680 of mem_limit 10110477926 (1.4%)")
    #expect(nodes.value("file-descriptors-used-percent") == 4.0)
    #expect(
      evidence(nodes, "file-descriptors-used-percent")
        == "rabbit2@localhost: fd_used 41 of fd_total 1024 (4.0%)")
    #expect(nodes.value("sockets-used-percent") == 0)
    #expect(nodes.value("disk-free-percent-of-limit") == 150725.5)
    #expect(
      evidence(nodes, "disk-free-percent-of-limit").hasPrefix(
        "rabbit@localhost: disk_free 75362770944 of disk_free_limit 50000000"))
    // The shorter uptime: rabbit2's 845230 ms.
    #expect(nodes.value("node-uptime-seconds") == 845)
    #expect(evidence(nodes, "node-uptime-seconds") == "rabbit2@localhost: up 845 s")
    // Only ManagementViews yields the comparison of several answers.
    #expect(nodes.fact(ManagementViews.factID) == nil)
    #expect(nodes.fact("cluster-nodes")?.source == "api-nodes:nodes.json")
  }

  @Test func nodesDuringAMemoryAlarm() throws {
    let nodes = try reading("api-nodes", "nodes-memory-alarm.json")
    #expect(nodes.problem == nil)
    #expect(nodes.value("memory-alarms") == 1)
    #expect(nodes.fact("memory-alarms")?.evidence == ["rabbit@localhost: mem_alarm true"])
    #expect(nodes.value("disk-alarms") == 0)
    #expect(nodes.value("cluster-nodes-down") == 0)
    // The watermark lowered to 2527 bytes: 141418496 bytes in use are far above it.
    let memory = try #require(nodes.value("memory-used-percent-of-watermark"))
    #expect(memory == (141_418_496.0 / 2527 * 1000).rounded() / 10)
    #expect(
      evidence(nodes, "memory-used-percent-of-watermark").hasPrefix(
        "rabbit@localhost: mem_used 141418496 of mem_limit 2527 ("))
  }

  @Test func nodesAsOneSideOfAPartitionSeesThem() throws {
    // Derived from nodes.json: rabbit2's running flipped to false (see the fixtures' README).
    let nodes = try reading("api-nodes", "nodes-partition-a.json")
    #expect(nodes.value("cluster-nodes") == 2)
    #expect(nodes.value("cluster-nodes-down") == 1)
    #expect(nodes.fact("cluster-nodes-down")?.evidence == ["rabbit2@localhost: running false"])
    // The figures of a member seen down are not used: only rabbit's are left.
    #expect(nodes.value("file-descriptors-used-percent") == 3.9)
    #expect(evidence(nodes, "node-uptime-seconds") == "rabbit@localhost: up 856 s")
  }

  @Test func aMemberThatListsAPartition() throws {
    // The real answer with rabbit's `partitions` naming rabbit2, as a node that lost contact
    // and did not heal lists it.
    let real = try text("nodes.json")
    let range = try #require(real.range(of: "\"name\":\"rabbit@localhost\""))
    let start = try #require(
      real[..<range.lowerBound].range(of: "\"partitions\":[]", options: .backwards))
    let partitioned = real.replacingCharacters(
      in: start, with: "\"partitions\":[\"rabbit2@localhost\"]")
    let nodes = try reading("api-nodes", output: partitioned)
    #expect(nodes.value("network-partitions") == 1, "\(nodes.summary)")
    #expect(
      nodes.fact("network-partitions")?.evidence == [
        "rabbit@localhost: partitions [rabbit2@localhost]"
      ])
  }

  // ---------------------------------------------------------------- /api/connections

  @Test func connectionsWithHeartbeatZero() throws {
    let connections = try reading("api-connections", "connections-heartbeat-zero.json")
    #expect(connections.problem == nil)
    #expect(connections.value("connection-count") == 3)
    #expect(connections.fact("connection-count")?.evidence == ["3 connection(s) listed"])
    #expect(connections.value("heartbeat-zero-connections") == 2)
    let heartbeat = try #require(connections.fact("heartbeat-zero-connections")?.evidence)
    #expect(heartbeat.count == 2, "\(heartbeat)")
    // The two heartbeat=0 connections to rabbit@localhost, by their client ports; not the
    // third, to rabbit2 with the default heartbeat (peer port 44752).
    #expect(
      heartbeat.allSatisfy { $0.hasPrefix("timeout 0: ") && $0.contains("rabbit@localhost") },
      "\(heartbeat)")
    #expect(
      heartbeat.contains { $0.contains("127.0.0.1:38996") }
        && heartbeat.contains { $0.contains("127.0.0.1:39006") })
    #expect(!heartbeat.contains { $0.contains("44752") })
    #expect(
      heartbeat.allSatisfy { $0.contains("(Pika Python Client Library 1.4.4)") }, "\(heartbeat)")
    #expect(connections.value("blocked-connections") == 0)
    #expect(
      connections.fact("blocked-connections")?.evidence == ["no connection is blocked or blocking"])
    #expect(connections.value("client-libraries") == 1)
    #expect(
      connections.fact("client-libraries")?.evidence == [
        "Pika Python Client Library 1.4.4: 3 connection(s)"
      ])
  }

  /// The first connection's connection_name is `amqp://app:s3cret@example/`: whatever the
  /// evidence shows of a connection, it must not show that password.
  @Test func connectionEvidenceDoesNotShowAPasswordInAConnectionName() throws {
    #expect(try text("connections-heartbeat-zero.json").contains("amqp://app:s3cret@example/"))
    let connections = try reading("api-connections", "connections-heartbeat-zero.json")
    #expect(!connections.facts.isEmpty)
    for fact in connections.facts {
      for line in fact.evidence {
        #expect(!line.contains("s3cret"), "\(fact.id): \(line)")
      }
    }
  }

  @Test func connectionsDuringAMemoryAlarm() throws {
    let connections = try reading("api-connections", "connections-blocked.json")
    #expect(connections.problem == nil)
    #expect(connections.value("connection-count") == 2)
    #expect(connections.value("blocked-connections") == 2)
    let blocked = try #require(connections.fact("blocked-connections")?.evidence)
    // The publisher (rabbit@localhost, port 48116) is blocked, the idle one (rabbit2, 42122) blocking.
    #expect(
      blocked.contains {
        $0.hasPrefix("blocked: 127.0.0.1:48116") && $0.contains("rabbit@localhost")
      }, "\(blocked)")
    #expect(
      blocked.contains {
        $0.hasPrefix("blocking: 127.0.0.1:42122") && $0.contains("rabbit2@localhost")
      }, "\(blocked)")
    #expect(connections.value("heartbeat-zero-connections") == 0)
    #expect(
      connections.fact("heartbeat-zero-connections")?.evidence == [
        "every connection negotiated a heartbeat"
      ])
  }

  @Test func aPageObjectIsReadByItsItems() throws {
    // page 2 of 3 with page_size 1: one item, the heartbeat=0 connection from port 39006.
    let page = try reading("api-connections", "connections-page2.json")
    #expect(page.problem == nil)
    #expect(page.value("connection-count") == 1)
    #expect(page.value("heartbeat-zero-connections") == 1)
    #expect(evidence(page, "heartbeat-zero-connections").contains("127.0.0.1:39006"))
  }

  @Test func noConnectionsAtAll() throws {
    let none = try reading("api-connections", output: "[]")
    #expect(none.problem == nil)
    #expect(none.value("connection-count") == 0)
    #expect(none.fact("connection-count")?.evidence == ["no client connections"])
    #expect(none.value("heartbeat-zero-connections") == 0)
  }

  // ---------------------------------------------------------------- /api/health/checks

  @Test func healthCheckDuringAMemoryAlarm() throws {
    #expect(
      try text("health-alarms-failed.status").trimmingCharacters(in: .whitespacesAndNewlines)
        == "503")
    let health = try reading("api-health-alarms", "health-alarms-failed.json")
    #expect(health.problem == nil)
    #expect(health.value("health-check-failed") == 1)
    #expect(
      health.fact("health-check-failed")?.evidence
        == [
          "status failed: There are alarms in effect in the cluster",
          "alarms: node=rabbit@localhost resource=memory",
        ])
  }

  @Test(arguments: [
    "api-health-alarms", "api-health-certificate-expiration", "api-health-node-is-quorum-critical",
    "api-health-protocol-listener", "api-health-virtual-hosts",
  ])
  func healthCheckPassed(id: String) throws {
    let health = try reading(id, "health-ok.json")
    #expect(health.problem == nil)
    #expect(health.value("health-check-failed") == 0)
    #expect(health.fact("health-check-failed")?.evidence == ["status ok"])
    #expect(health.fact("health-check-failed")?.source == "\(id):health-ok.json")
  }

  @Test func anUnknownHealthStatusIsAProblem() throws {
    let health = try reading("api-health-alarms", output: #"{"status":"degraded"}"#)
    #expect(health.facts.isEmpty)
    #expect(health.problem == "unknown health check status 'degraded'")
  }

  // ---------------------------------------------------------------- answers that are not

  static let managementIDs = ["api-overview", "api-nodes", "api-connections", "api-health-alarms"]

  @Test(arguments: managementIDs)
  func anHTMLPageIsAProblem(id: String) throws {
    // What a proxy or the management UI's login page answers instead of the API.
    let reading = try reading(
      id, output: "<!DOCTYPE html>\n<html><head><title>RabbitMQ Management</title></head></html>\n")
    #expect(reading.facts.isEmpty)
    let problem = try #require(reading.problem)
    #expect(
      problem.hasPrefix("not a management API answer (not JSON): <!DOCTYPE html>"), "\(problem)")
  }

  @Test(arguments: managementIDs)
  func anEmptyAnswerIsAProblem(id: String) throws {
    for output in ["", "\n", "  \r\n"] {
      let reading = try reading(id, output: output)
      #expect(reading.facts.isEmpty)
      #expect(
        reading.problem == "empty output", "\(id) on \(output.debugDescription): \(reading.summary)"
      )
    }
  }

  @Test(arguments: managementIDs)
  func aTruncatedAnswerIsAProblem(id: String) throws {
    let name = [
      "api-overview": "overview.json", "api-nodes": "nodes.json",
      "api-connections": "connections-blocked.json",
      "api-health-alarms": "health-alarms-failed.json",
    ][id]!
    let whole = try text(name)
    let reading = try reading(id, output: String(whole.prefix(whole.count / 2)))
    #expect(reading.facts.isEmpty)
    #expect(
      reading.problem?.hasPrefix("not a management API answer (not JSON)") == true,
      "\(reading.summary)")
  }

  /// A real answer of another endpoint, given to each parser: each says what it expected.
  @Test(arguments: [
    ("api-overview", "nodes.json", "not an /api/overview answer"),
    ("api-overview", "health-ok.json", "not an /api/overview answer"),
    ("api-nodes", "overview.json", "not an /api/nodes answer"),
    ("api-nodes", "health-ok.json", "not an /api/nodes answer"),
    ("api-connections", "overview.json", "not an /api/connections answer"),
    ("api-connections", "health-alarms-failed.json", "not an /api/connections answer"),
    ("api-health-alarms", "nodes.json", "not a health check answer"),
    ("api-health-alarms", "connections-page2.json", "not a health check answer"),
  ])
  func anotherEndpointsAnswerIsAProblem(id: String, fixture: String, expected: String) throws {
    let reading = try reading(id, fixture)
    #expect(reading.facts.isEmpty, "\(reading.summary)")
    #expect(reading.problem?.hasPrefix(expected) == true, "\(reading.summary)")
  }

  @Test(arguments: [
    ("api-overview", "42"), ("api-nodes", "\"rabbit@localhost\""), ("api-connections", "null"),
    ("api-health-alarms", "true"),
  ])
  func aJSONScalarIsAProblem(id: String, output: String) throws {
    let reading = try reading(id, output: output)
    #expect(reading.facts.isEmpty)
    #expect(reading.problem != nil, "\(reading.summary)")
  }

  /// Lists of the wrong objects: a real answer of another list endpoint, and a list of scalars.
  /// Another list endpoint's answer is not read as this one's: every item must hold a key that
  /// only this endpoint's items have (`running` for nodes; `peer_host`, `timeout`, ... for
  /// connections), though both have a `name`.
  @Test(arguments: [
    ("api-nodes", "connections-heartbeat-zero.json"), ("api-connections", "nodes.json"),
  ])
  func anotherListEndpointsAnswerIsAProblem(id: String, fixture: String) throws {
    let reading = try reading(id, fixture)
    #expect(reading.problem != nil, "\(reading.summary)")
  }

  @Test(arguments: ["api-nodes", "api-connections"])
  func aListOfScalarsIsAProblem(id: String) throws {
    let reading = try reading(id, output: "[1, 2, 3]")
    #expect(reading.problem != nil, "\(reading.summary)")
  }

  /// An overview object without `churn_rates` yields none of the facts: that is a problem, not
  /// an empty reading.
  @Test func anOverviewWithoutChurnRatesIsNotSilentlyEmpty() throws {
    let reading = try reading(
      "api-overview", output: #"{"rabbitmq_version":"3.10.8","node":"rabbit@localhost"}"#)
    #expect(!reading.facts.isEmpty || reading.problem != nil, "\(reading.summary)")
  }

  @Test func nodesWithoutNamesAreAProblem() throws {
    let reading = try reading(
      "api-nodes", output: #"[{"running":true},{"name":"rabbit@localhost","running":true}]"#)
    #expect(reading.facts.isEmpty)
    #expect(reading.problem == "not an /api/nodes answer: expected a list of nodes with names")
  }

  // ---------------------------------------------------------------- views of several nodes

  @Test func thePartitionViewsDisagreeAboutBothMembers() throws {
    let fact = try #require(
      ManagementViews.disagreement(
        [
          (source: "127.0.0.1:15672", text: try text("nodes-partition-a.json")),
          (source: "127.0.0.1:15673", text: try text("nodes-partition-b.json")),
        ],
        diagnostic: "api-nodes"))
    #expect(fact.id == "node-views-disagree")
    #expect(fact.value == 2)
    #expect(fact.source == "api-nodes:all 2 views")
    #expect(
      fact.evidence == [
        "rabbit2@localhost: not running as seen by 127.0.0.1:15672; running as seen by 127.0.0.1:15673",
        "rabbit@localhost: not running as seen by 127.0.0.1:15673; running as seen by 127.0.0.1:15672",
      ])
    // The catalogue declares the fact, so diagnose can report it.
    #expect(
      try BrokerFixtures.command("api-nodes").yields.contains { $0.fact == ManagementViews.factID })
  }

  @Test func oneSideDownIsOneMember() throws {
    // rabbit@localhost's partitioned view against rabbit2's real one: only rabbit2 is in doubt.
    let fact = try #require(
      ManagementViews.disagreement(
        [
          (source: "a", text: try text("nodes-partition-a.json")),
          (source: "b", text: try text("nodes-rabbit2.json")),
        ],
        diagnostic: "api-nodes"))
    #expect(fact.value == 1)
    #expect(fact.evidence == ["rabbit2@localhost: not running as seen by a; running as seen by b"])
  }

  @Test func theRealViewsOfBothNodesAgree() throws {
    let fact = try #require(
      ManagementViews.disagreement(
        [
          (source: "127.0.0.1:15672", text: try text("nodes.json")),
          (source: "127.0.0.1:15673", text: try text("nodes-rabbit2.json")),
        ],
        diagnostic: "api-nodes"))
    #expect(fact.value == 0)
    #expect(fact.evidence == ["2 views agree on every member"])
  }

  @Test func oneViewIsNoComparison() throws {
    #expect(
      ManagementViews.disagreement(
        [(source: "a", text: try text("nodes-partition-a.json"))], diagnostic: "api-nodes") == nil)
    #expect(ManagementViews.disagreement([], diagnostic: "api-nodes") == nil)
    // Two answers of which only one can be read are one view, not a comparison.
    #expect(
      ManagementViews.disagreement(
        [
          (source: "a", text: try text("nodes-partition-a.json")),
          (source: "b", text: "<html>502 Bad Gateway</html>"),
        ],
        diagnostic: "api-nodes") == nil)
  }
}
