import Foundation
import Testing

/// Real pika clients make the live broker raise the channel errors the guides describe; the
/// broker's entry and the client's exception must each be explained by `rmq-doctor search`,
/// and a scan of the broker's log must count each under its guide.
extension LiveBrokerTests {
  @Test(arguments: ChannelScenario.allCases)
  func theChannelErrorIsExplainedOnBothSides(_ scenario: ChannelScenario) throws {
    try LiveBroker.require()
    let run = try ChannelRun.shared.get()
    let outcome = try #require(run.outcomes[scenario])
    if let problem = outcome.problem { Issue.record("\(scenario): \(problem)") }
    let entry = try #require(
      outcome.entry,
      "\(scenario): no channel error in the broker log; its lines: \(outcome.connectionLines)")
    let client = try #require(
      outcome.clientLine, "\(scenario): the client reported no error:\n\(outcome.clientOutput)")
    let report = try SearchAnswer.expectAll(
      [("reason line", entry.reason), ("both lines", entry.text), ("client", client)].map {
        ($0, $1, scenario.expectedGuide)
      },
      scenario)
    let number = (ChannelScenario.allCases.firstIndex(of: scenario) ?? 0) + 1
    LiveReport.record(
      "C\(number). \(scenario)",
      """
      Client: `\(outcome.clientCommand)`; it reported: `\(client)`

      Broker log (\(LiveBroker.logFile)):

      \(LiveReport.block(outcome.connectionLines))
      \(report)
      """)
  }

  @Test func aScanOfTheLiveLogCountsEveryChannelErrorUnderItsGuide() throws {
    try LiveBroker.require()
    let run = try ChannelRun.shared.get()
    let object = try LiveBroker.object(run.scan)
    let guides = object["guides"] as? [[String: Any]] ?? []
    let counts = Dictionary(guides.map { ($0["id"] as? String ?? "", $0["count"] as? Int ?? 0) }) {
      $0 + $1
    }
    let expected = Dictionary(
      ChannelScenario.allCases.map { ($0.expectedGuide, 1) }, uniquingKeysWith: +)
    for (guide, scenarios) in expected {
      #expect(
        (counts[guide] ?? 0) >= scenarios,
        "\(guide): \(counts[guide] ?? 0) of \(scenarios); scan: \(counts)")
    }
    let closed = guides.first { $0["id"] as? String == "channel-closed" }
    let firstErrors = (closed?["firstErrors"] as? [[String: Any]] ?? []).compactMap {
      $0["value"] as? String
    }
    for scenario in ChannelScenario.allCases {
      guard let first = scenario.firstError else { continue }
      #expect(
        firstErrors.contains(first),
        "\(scenario): the scan does not point at \(first): \(closed ?? [:])")
    }
  }

  @Test func theChannelRunPutsTheBrokerBackAsItWas() throws {
    try LiveBroker.require()
    let run = try ChannelRun.shared.get()
    #expect(run.settingsAfter == run.settingsBefore)
    #expect(!run.settingsBefore.isEmpty)
    #expect(!run.userLeft, "\(ChannelScenario.noWriteUser) is still there")
  }
}
