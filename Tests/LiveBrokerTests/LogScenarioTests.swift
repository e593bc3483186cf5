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
      "\(scenario): no closing or error entry in \(LiveBroker.logFile); the connection's lines: \(outcome.connectionLines)")

    // The reason line alone, and the entry as a user pastes it.
    var answers: [String] = []
    for text in [entry.reason, entry.text] {
      let search = try LiveBroker.doctor(["search", text, "--json"])
      let object = try LiveBroker.object(search)
      let top = (object["results"] as? [[String: Any]])?.first
      #expect(top?["id"] as? String == scenario.expectedGuide, "\(scenario): search \(text)\n\(search.stdout)")
      #expect(object["confident"] as? Bool == true, "\(scenario): not confident for \(text)\n\(search.stdout)")
      #expect(search.status == 0)
      answers.append("\(top?["id"] as? String ?? "nothing") (confident: \(object["confident"] as? Bool ?? false)): \(top?["reason"] as? String ?? "")")
    }

    // Lines another process wrote about the connection, such as the [info] `Closing connection
    // <pid> because ...` of close_connection, name the same guide.
    let pid = entry.head.split(separator: " ").dropFirst(3).first.map(String.init) ?? "?"
    for line in outcome.connectionLines where !line.contains("] \(pid) ") {
      let object = try LiveBroker.object(try LiveBroker.doctor(["search", line, "--json"]))
      let top = (object["results"] as? [[String: Any]])?.first
      #expect(top?["id"] as? String == scenario.expectedGuide, "\(scenario): search \(line)")
      #expect(object["confident"] as? Bool == true, "\(scenario): not confident for \(line)")
      answers.append("\(top?["id"] as? String ?? "nothing") (confident: \(object["confident"] as? Bool ?? false)) for `\(line)`")
    }

    let diagnose = try LiveBroker.object(run.diagnose)
    let findings = diagnose["findings"] as? [[String: Any]] ?? []
    let finding = findings.first { finding in
      let evidence = finding["evidence"] as? [String] ?? []
      return Self.shows(evidence, entry.head) && Self.shows(evidence, entry.reason)
    }
    #expect(finding != nil, "\(scenario): no diagnose finding shows the entry\n\(entry.text)\nfindings: \(findings)")
    #expect(finding?["guide"] as? String == scenario.expectedGuide, "\(scenario): \(finding ?? [:])")

    LiveReport.record(
      "\(LogScenario.allCases.firstIndex(of: scenario).map { $0 + 1 } ?? 0). \(scenario)",
      """
      Client: `\(outcome.clientCommand)`; it saw: `\(outcome.clientSaw)`

      Broker log (\(LiveBroker.logFile)):

      \(LiveReport.block(outcome.connectionLines))
      `rmq-doctor search <reason line> --json`: \(answers[0])

      `rmq-doctor search <both lines> --json`: \(answers[1])

      \(answers.dropFirst(2).map { "`rmq-doctor search <line by another process> --json`: \($0)\n\n" }.joined())`rmq-doctor diagnose --yes --json`: \(finding.map { "\($0["message"] as? String ?? "") -> \($0["guide"] as? String ?? "")\(($0["cause"] as? String).map { ", cause \($0)" } ?? "") (fact \($0["fact"] as? String ?? ""))" } ?? "no finding")

      """)
  }

  /// Whether the evidence lines show `line`, whole or cut with an ellipsis.
  static func shows(_ evidence: [String], _ line: String) -> Bool {
    let line = line.trimmingCharacters(in: .whitespaces)
    return evidence.contains { shown in
      shown == line || (shown.hasSuffix("…") && line.hasPrefix(String(shown.dropLast())))
    }
  }
}
