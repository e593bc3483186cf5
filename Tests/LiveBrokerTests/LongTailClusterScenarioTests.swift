import Foundation
import Testing

/// Cluster formation and feature flags on nodes the run starts itself (never the test broker or
/// rabbit2): what the boot output, rabbitmqctl and each node's log say must be explained by
/// `rmq-doctor search` with confidence, a scan of the nodes' logs must count each scenario that a
/// node logs, and no node of ours may be left running.
extension LiveBrokerTests {
  @Test(arguments: LongTailClusterScenario.allCases)
  func theClusterFormationScenarioIsExplained(_ scenario: LongTailClusterScenario) throws {
    try LongTailClusterRun.require()
    let run = try LongTailClusterRun.shared.get()
    let outcome = try #require(run.outcomes[scenario])
    if let problem = outcome.problem { Issue.record("\(scenario): \(problem)") }
    #expect(!outcome.pasted.isEmpty, "\(scenario): nothing to paste:\n\(outcome.output)")
    let report = try SearchAnswer.expectAll(
      outcome.pasted.map { ($0.label, $0.text, scenario.guide) }, scenario)
    let number = (LongTailClusterScenario.allCases.firstIndex(of: scenario) ?? 0) + 1
    LiveReport.record(
      "L\(number). \(scenario)",
      """
      `\(outcome.command)`:

      \(LiveReport.block(outcome.pasted.map { "\($0.label): \($0.text)" }))
      \(report)
      """)
  }

  @Test func aScanOfOurNodesLogsCountsEachClusterScenario() throws {
    try LongTailClusterRun.require()
    let run = try LongTailClusterRun.shared.get()
    let counts = try SearchAnswer.scanCounts(run.scan)
    for guide in Set(LongTailClusterScenario.allCases.filter(\.nodeLogs).map(\.guide)) {
      #expect((counts[guide] ?? 0) >= 1, "\(guide): scan: \(counts)")
    }
  }

  /// Every node the run started was stopped, and the test broker still runs.
  @Test func theClusterRunLeavesNoNodeOfOursRunning() throws {
    try LongTailClusterRun.require()
    let run = try LongTailClusterRun.shared.get()
    #expect(run.leftRunning.isEmpty, "still registered with epmd: \(run.leftRunning)")
    #expect(LiveBroker.acceptsConnections(port: 5672), "the test broker no longer answers on 5672")
  }
}
