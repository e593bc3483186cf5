import Foundation
import Testing

/// `rmq-doctor` against a real RabbitMQ on 127.0.0.1:5672, with real pika clients.
///
/// Run on its own with `sudo bash .ci/with-broker swift test --filter LiveBrokerTests`, which
/// installs and starts the broker and stops it afterwards. Without a broker (or root, or pika)
/// the tests skip with the reason; under CI (`CI=true`) they fail instead. Serialized, so that
/// the heartbeat listing never sees the log scenarios' connections.
@Suite(.serialized, .enabled(if: LiveBroker.shouldRun, LiveBroker.skipReason))
struct LiveBrokerTests {
  /// Heartbeats off on two connections, on (5 s) on a third: the live listing names exactly the
  /// two.
  @Test func diagnoseNamesExactlyTheHeartbeatZeroConnections() throws {
    try LiveBroker.require()
    let python = try #require(LiveBroker.python)
    let off = try (1...2).map { _ in
      try ClientProcess(
        python: python, ["hold", "--heartbeat", "0", "--name", "rmq-doctor-live-hb0"])
    }
    let on = try ClientProcess(
      python: python, ["hold", "--heartbeat", "5", "--name", "rmq-doctor-live-hb5"])
    defer { for client in off + [on] { client.finish() } }
    let offPorts = Set(try off.map { try $0.port() })
    let onPort = try on.port()

    let run = try LiveBroker.doctor(["diagnose", "--yes", "--json"])
    #expect(run.status == 1, "\(run.stderr)")
    let findings = try LiveBroker.object(run)["findings"] as? [[String: Any]] ?? []
    let finding = try #require(
      findings.first {
        $0["guide"] as? String == "etimedout" && $0["cause"] as? String == "heartbeats-off"
      },
      "no heartbeats-off finding in \(findings)")
    let evidence = finding["evidence"] as? [String] ?? []
    #expect(finding["value"] as? Double == 2, "\(evidence)")
    #expect(
      Set(evidence.compactMap(Self.clientPort)) == offPorts,
      "\(evidence), heartbeat 0 on \(offPorts.sorted()), 5 s on \(onPort)")

    let ports = offPorts.sorted().map(String.init).joined(separator: ", ")
    LiveReport.record(
      "0. heartbeat 0 beside heartbeat 5",
      """
      Clients: `live_client.py hold --heartbeat 0` twice (ports \(ports)), \
      `live_client.py hold --heartbeat 5` (port \(onPort)).

      `rmq-doctor diagnose --yes --json`: \(LiveReport.describe(finding))

      \(LiveReport.block(evidence))
      """)
  }

  /// The wizard, answering the first two questions from the script and the heartbeat question
  /// from the live listing, lands on heartbeats-off.
  @Test func wizardReachesHeartbeatsOffFromLiveDiagnostics() throws {
    try LiveBroker.require()
    let python = try #require(LiveBroker.python)
    let off = try ClientProcess(
      python: python, ["hold", "--heartbeat", "0", "--name", "rmq-doctor-live-wizard"])
    defer { off.finish() }
    let port = try off.port()

    let run = try LiveBroker.doctor([
      "wizard", "etimedout", "--run-diagnostics", "--yes", "--json",
      "--answers", "broker-log-reason=inet-error,etimedout-delay=quarter-hour",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try LiveBroker.object(run)
    let cause = (object["causes"] as? [[String: Any]])?.first
    #expect(cause?["id"] as? String == "heartbeats-off", "\(run.stdout)")
    #expect(object["conclusive"] as? Bool == true)
    let trail = object["trail"] as? [[String: Any]] ?? []
    let heartbeat = try #require(
      trail.first { $0["question"] as? String == "heartbeat-negotiated" }, "\(trail)")
    #expect(heartbeat["answer"] as? String == "disabled")
    #expect(heartbeat["automatic"] as? Bool == true)
    let evidence = (heartbeat["evidence"] as? [[String: Any]] ?? []).flatMap {
      $0["evidence"] as? [String] ?? []
    }
    #expect(evidence.contains { Self.clientPort($0) == port }, "\(evidence)")

    LiveReport.record(
      "0. wizard with live diagnostics",
      """
      `rmq-doctor wizard etimedout --run-diagnostics --yes --json --answers \
      broker-log-reason=inet-error,etimedout-delay=quarter-hour`, with one heartbeat-0 client \
      (port \(port)): cause `\(cause?["id"] as? String ?? "none")` \
      (\(cause?["title"] as? String ?? "")); the heartbeat question answered \
      `\(heartbeat["answer"] as? String ?? "")` by `\(heartbeat["rule"] as? String ?? "")`.

      """)
  }

  /// The client port of a `rabbitmqctl list_connections` row (`127.0.0.1:PORT -> ...`).
  static func clientPort(_ row: String) -> Int? {
    guard row.hasPrefix("127.0.0.1:"), let arrow = row.range(of: " -> ") else { return nil }
    return Int(row[row.index(row.startIndex, offsetBy: "127.0.0.1:".count)..<arrow.lowerBound])
  }
}
