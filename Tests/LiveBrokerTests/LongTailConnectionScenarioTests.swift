import Foundation
import Testing

/// Closes without a reason and connect timeouts, reproduced on this host: what the clients print
/// and what the broker logs must be explained by `rmq-doctor search` with confidence (Python's
/// bare `TimeoutError: timed out` only ranked first), and a scan
/// of all of it must count each under its guide. The SYN-drop scenarios are skipped, with the
/// reason, when the nftables rule cannot be set.
extension LiveBrokerTests {
  @Test(arguments: LongTailConnectionScenario.allCases)
  func theLongTailConnectionScenarioIsExplained(_ scenario: LongTailConnectionScenario) throws {
    try LiveBroker.require()
    let run = try LongTailConnectionRun.shared.get()
    if scenario.needsDropRule, let reason = run.dropRuleUnavailable {
      try Test.cancel("\(scenario): skipped: \(reason)")
    }
    let outcome = try #require(run.outcomes[scenario])
    if let problem = outcome.problem { Issue.record("\(scenario): \(problem)") }
    #expect(!outcome.pasted.isEmpty, "\(scenario): nothing to paste:\n\(outcome.output)")
    var report = try SearchAnswer.expectAll(
      outcome.pasted.filter(\.confident).map { ($0.label, $0.text, scenario.guide) }, scenario)
    for paste in outcome.pasted where !paste.confident {
      let answer = try SearchAnswer(paste.text)
      #expect(answer.guide == scenario.guide, "\(scenario), \(paste.label): \(answer.summary)")
      report +=
        "`rmq-doctor search <\(paste.label)> --json` (ranked, not confident): \(answer.summary)\n\n"
    }
    let number = (LongTailConnectionScenario.allCases.firstIndex(of: scenario) ?? 0) + 1
    LiveReport.record(
      "LN\(number). \(scenario)",
      """
      `\(outcome.command)`:

      \(LiveReport.block(outcome.pasted.map { "\($0.label): \($0.text.split(separator: "\n").first ?? "")" }))
      \(report)
      """)
  }

  @Test func aScanOfTheLongTailConnectionRunCountsEachGuide() throws {
    try LiveBroker.require()
    let run = try LongTailConnectionRun.shared.get()
    let counts = try SearchAnswer.scanCounts(run.scan)
    var guides = ["connection-closed-no-reason", "connection-closed-abruptly"]
    if run.dropRuleUnavailable == nil { guides.append("connect-timeout") }
    for guide in guides {
      #expect((counts[guide] ?? 0) >= 1, "\(guide): scan: \(counts)")
    }
  }

  /// The run's own server, its nftables table and its clients are gone.
  @Test func theLongTailConnectionRunLeavesNothingBehind() throws {
    try LiveBroker.require()
    let run = try LongTailConnectionRun.shared.get()
    #expect(!LiveBroker.acceptsConnections(port: UInt16(LongTailConnectionRun.fakePort)))
    if let nft = Program.locate("nft") {
      let tables = try Program.run(nft, ["list", "tables"], timeout: 30)
      #expect(!tables.stdout.contains(LongTailConnectionRun.table), "\(tables.stdout)")
    }
    #expect(run.outcomes.count == LongTailConnectionScenario.allCases.count)
  }
}
