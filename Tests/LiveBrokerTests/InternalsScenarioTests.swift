import Foundation
import Testing

/// Broker internals, plugins, links, names and the management API on the live cluster: what the
/// client, the CLI, the API and each node's log say must be explained by `rmq-doctor search`
/// with confidence; a scan of the nodes' logs must count each under its guide; `diagnose` of
/// rabbit2 must report the shovel and the federation link that cannot connect.
extension LiveBrokerTests {
  @Test(arguments: InternalsScenario.allCases)
  func theInternalsScenarioIsExplained(_ scenario: InternalsScenario) throws {
    try LiveBroker.require()
    let run = try InternalsRun.shared.get()
    let outcome = try #require(run.outcomes[scenario])
    if let problem = outcome.problem { Issue.record("\(scenario): \(problem)") }
    #expect(!outcome.pasted.isEmpty, "\(scenario): nothing to paste:\n\(outcome.output)")
    let report = try SearchAnswer.expectAll(
      outcome.pasted.map { ($0.label, $0.text, scenario.guide) }, scenario)
    let number = (InternalsScenario.allCases.firstIndex(of: scenario) ?? 0) + 1
    LiveReport.record(
      "I\(number). \(scenario)",
      """
      `\(outcome.command)`:

      \(LiveReport.block(outcome.pasted.map { "\($0.label): \($0.text.split(separator: "\n").first ?? "")" }))
      \(report)
      """)
  }

  @Test func diagnoseOfRabbit2ReportsTheLinksThatCannotConnect() throws {
    try LiveBroker.require()
    let run = try InternalsRun.shared.get()
    let diagnose = try #require(
      run.diagnoseLinks, "diagnose did not run: \(run.outcomes[.shovelClosedPort]?.problem ?? "")")
    let findings = try LiveBroker.object(diagnose)["findings"] as? [[String: Any]] ?? []
    let links = findings.filter {
      $0["guide"] as? String == "federation-shovel-link"
        && $0["cause"] as? String == "link-cannot-connect"
    }
    let messages = links.compactMap { $0["message"] as? String }
    #expect(messages.contains { $0.contains("shovel(s) not running") }, "\(findings)")
    #expect(messages.contains { $0.contains("federation link(s) not running") }, "\(findings)")
    LiveReport.record(
      "I0. diagnose of rabbit2 with a shovel and a link that cannot connect",
      "`RABBITMQ_NODENAME=rabbit2@localhost rmq-doctor diagnose --yes --json`: "
        + links.map { LiveReport.describe($0) }.joined(separator: "; "))
  }

  @Test func aScanOfTheNodesLogsCountsEachInternalsScenario() throws {
    try LiveBroker.require()
    let run = try InternalsRun.shared.get()
    let counts = try SearchAnswer.scanCounts(run.scan)
    for guide in Set(InternalsScenario.allCases.filter(\.nodeLogs).map(\.guide)) {
      #expect((counts[guide] ?? 0) >= 1, "\(guide): scan: \(counts)")
    }
  }

  /// What the run set up is gone, and the failed enable wrote nothing.
  @Test func theInternalsRunLeavesNothingBehind() throws {
    try LiveBroker.require()
    let run = try InternalsRun.shared.get()
    #expect(run.pluginsFileAfter == run.pluginsFileBefore && !run.pluginsFileBefore.isEmpty)
    let parameters = try Program.run(
      Program.locate("rabbitmqctl") ?? "/usr/sbin/rabbitmqctl",
      ["-n", LiveCluster.node2, "-q", "list_parameters"],
      environment: InternalsRun.node2Plugins, timeout: 60)
    #expect(!parameters.stdout.contains("rmq-doctor-live-"), "\(parameters.stdout)")
    let queues = try LiveBroker.rabbitmqctl(["-q", "list_queues", "name"]).stdout
    #expect(!queues.contains("rmq-doctor-live-"), "\(queues)")
    let users = try LiveBroker.rabbitmqctl(["-q", "list_users"]).stdout
    #expect(!users.contains("rmq-doctor-live-"), "\(users)")
  }
}
