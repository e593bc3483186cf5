import Foundation
import Testing

/// Real clients put the live broker into the situations the guides describe; the entry the
/// broker writes, read from its real log, must be explained by `rmq-doctor search` and found by
/// a live `rmq-doctor diagnose`, each pointing to the scenario's guide.
extension LiveBrokerTests {
  @Test(arguments: LogScenario.allCases)
  func theBrokersEntryIsExplainedAndDiagnosed(_ scenario: LogScenario) throws {
    try LiveBroker.require()
    let run = try LiveRun.shared.get()
    let outcome = try #require(run.outcomes[scenario])
    if let problem = outcome.problem { Issue.record("\(scenario): \(problem)") }
    let entry = try #require(
      outcome.entry,
      "\(scenario): no entry in \(LiveBroker.logFile); its lines: \(outcome.connectionLines)")

    // The reason line alone, the entry as a user pastes it, and the lines other processes
    // wrote about the connection (close_connection's [info] `Closing connection <pid>
    // because ...`) must all name the guide.
    let others = outcome.connectionLines.filter { !$0.contains("] \(entry.pid) ") }
    var report = ""
    for (label, text) in [("reason line", entry.reason), ("both lines", entry.text)]
      + others.map({ ("line by another process", $0) })
    {
      let answer = try SearchAnswer(text)
      answer.expectNames(scenario.expectedGuide, scenario)
      report += "`rmq-doctor search <\(label)> --json`: \(answer.summary)\n\n"
    }

    let findings = try LiveBroker.object(run.diagnose)["findings"] as? [[String: Any]] ?? []
    let finding = findings.first { finding in
      let evidence = finding["evidence"] as? [String] ?? []
      return Self.shows(evidence, entry.head) && Self.shows(evidence, entry.reason)
    }
    #expect(
      finding != nil,
      "\(scenario): no diagnose finding shows the entry\n\(entry.text)\nfindings: \(findings)")
    #expect(
      finding?["guide"] as? String == scenario.expectedGuide, "\(scenario): \(finding ?? [:])")

    let number = (LogScenario.allCases.firstIndex(of: scenario) ?? 0) + 1
    LiveReport.record(
      "\(number). \(scenario)",
      """
      Client: `\(outcome.clientCommand)`; it saw: `\(outcome.clientSaw)`

      Broker log (\(LiveBroker.logFile)):

      \(LiveReport.block(outcome.connectionLines))
      \(report)`rmq-doctor diagnose --yes --json`: \(LiveReport.describe(finding))

      """)
  }

  /// Whether the evidence lines show the message of log line `line` (the evidence gives an
  /// entry's lines without their `timestamp [level] <pid>` headers, the first one after the
  /// entry's time), whole or cut with an ellipsis.
  static func shows(_ evidence: [String], _ line: String) -> Bool {
    let message = line.replacing(#/^\S+ \S+ \[[a-z]+\] <[^>]+> +/#, with: "")
      .trimmingCharacters(in: .whitespaces)
    return evidence.contains { shown in
      shown == message || shown.hasSuffix(" " + message)
        || (shown.hasSuffix("…") && message.hasPrefix(String(shown.dropLast())))
        || (shown.hasSuffix("…") && shown.contains(String(message.prefix(40))))
    }
  }
}
