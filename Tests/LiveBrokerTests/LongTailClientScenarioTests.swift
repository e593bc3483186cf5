import Foundation
import Testing

/// Client connections shared between threads, and a reconnect that leaves its consumer behind, on
/// the live broker: what the pika client and the broker say must be explained by
/// `rmq-doctor search` with confidence, and a scan of the clients' output and the broker's lines
/// must count the threads' errors under client-threading.
extension LiveBrokerTests {
  @Test(arguments: LongTailClientScenario.allCases)
  func theLongTailClientScenarioIsExplained(_ scenario: LongTailClientScenario) throws {
    try LiveBroker.require()
    let run = try LongTailClientRun.shared.get()
    let outcome = try #require(run.outcomes[scenario])
    if let problem = outcome.problem { Issue.record("\(scenario): \(problem)") }
    #expect(!outcome.pasted.isEmpty, "\(scenario): nothing to paste:\n\(outcome.output)")
    var report = try SearchAnswer.expectAll(
      outcome.pasted.filter(\.confident).map { ($0.label, $0.text, $0.guide ?? scenario.guide) },
      scenario)
    for paste in outcome.pasted where !paste.confident {
      let answer = try SearchAnswer(paste.text)
      #expect(
        answer.guide == paste.guide ?? scenario.guide,
        "\(scenario), \(paste.label): \(answer.summary)")
      report +=
        "`rmq-doctor search <\(paste.label)> --json` (ranked, not confident): \(answer.summary)\n\n"
    }
    let number = (LongTailClientScenario.allCases.firstIndex(of: scenario) ?? 0) + 1
    LiveReport.record(
      "LC\(number). \(scenario)",
      """
      `\(outcome.command)`:

      \(LiveReport.block(outcome.pasted.map { "\($0.label): \($0.text.split(separator: "\n").first ?? "")" }))
      \(report)
      """)
  }

  @Test func aScanOfTheLongTailClientRunCountsClientThreading() throws {
    try LiveBroker.require()
    let run = try LongTailClientRun.shared.get()
    let counts = try SearchAnswer.scanCounts(run.scan)
    #expect((counts["client-threading"] ?? 0) >= 1, "scan: \(counts)")
  }

  /// The queues the run declared are gone; the exclusive ones went with their connections.
  @Test func theLongTailClientRunLeavesNothingBehind() throws {
    try LiveBroker.require()
    let run = try LongTailClientRun.shared.get()
    #expect(run.names.count == 5)
    let queues = try LiveBroker.rabbitmqctl(["-q", "list_queues", "name"]).stdout
    let connections = try LiveBroker.rabbitmqctl(["-q", "list_connections", "client_properties"])
      .stdout
    for name in run.names {
      #expect(!queues.contains(name), "\(name) is still a queue: \(queues)")
      #expect(!connections.contains(name), "\(name) is still connected: \(connections)")
    }
  }
}
