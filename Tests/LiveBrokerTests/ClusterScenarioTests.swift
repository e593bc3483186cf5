import Foundation
import Testing

/// The two-node cluster of `.ci/cluster-start` meets what goes wrong around nodes: what the CLI,
/// the node, the client and each node's log say must be explained by `rmq-doctor search`, with
/// confidence; a scan of the logs must count each under its guide; and `diagnose` must report
/// what its diagnostics can see (the CLI's cookie, rabbit2's TLS certificate, the partition).
extension LiveBrokerTests {
  @Test(arguments: ClusterScenario.allCases)
  func theClusterScenarioIsExplained(_ scenario: ClusterScenario) throws {
    try LiveBroker.require()
    let run = try ClusterRun.shared.get()
    let outcome = try #require(run.outcomes[scenario])
    if let problem = outcome.problem { Issue.record("\(scenario): \(problem)") }
    #expect(!outcome.pasted.isEmpty, "\(scenario): nothing to paste:\n\(outcome.output)")
    let sure = outcome.pasted.filter(\.confident)
    var report = try SearchAnswer.expectAll(
      sure.map { ($0.label, $0.text, scenario.guide) }, scenario)
    for paste in outcome.pasted where !paste.confident {
      let answer = try SearchAnswer(paste.text)
      #expect(answer.guide == scenario.guide, "\(scenario), \(paste.label): \(answer.summary)")
      report +=
        "`rmq-doctor search <\(paste.label)> --json` (ranked, not confident): \(answer.summary)\n\n"
    }
    let number = (ClusterScenario.allCases.firstIndex(of: scenario) ?? 0) + 1
    LiveReport.record(
      "C\(number). \(scenario)",
      """
      `\(outcome.command)`:

      \(LiveReport.block(outcome.pasted.map { "\($0.label): \($0.text.split(separator: "\n").first ?? "")" }))
      \(report)
      """)
  }

  /// The search that answered `econnrefused` for the CLI's cookie report now names the CLI
  /// guide; no line of the report is taken for a refused connection.
  @Test func theCookieReportIsNotEconnrefused() throws {
    try LiveBroker.require()
    let run = try ClusterRun.shared.get()
    let report = try #require(run.outcomes[.cookieRejected]?.pasted.first?.text)
    let answer = try SearchAnswer(report)
    #expect(answer.guide == "cli-node-unreachable", "\(answer.summary)")
    #expect(answer.guide != "econnrefused")
  }

  @Test func diagnoseWithAnotherCookieSaysTheCookie() throws {
    try LiveBroker.require()
    let run = try ClusterRun.shared.get()
    let diagnose = try #require(run.diagnoseWithOtherCookie, "diagnose did not run")
    let findings = try LiveBroker.object(diagnose)["findings"] as? [[String: Any]] ?? []
    let cookie = try #require(
      findings.first {
        $0["guide"] as? String == "cli-node-unreachable"
          && $0["cause"] as? String == "cookie-mismatch"
      },
      "no cookie-mismatch finding in \(findings)")
    let evidence = cookie["evidence"] as? [String] ?? []
    #expect(evidence.contains { $0.contains("Erlang distribution failed") }, "\(evidence)")
    #expect(
      evidence.contains { $0.contains("the CLI's Erlang cookie hash:") },
      "the CLI's hash as evidence: \(evidence)")
    #expect(
      !findings.contains { $0["cause"] as? String == "node-not-running" },
      "a running node is not reported down: \(findings)")
    LiveReport.record(
      "C0a. diagnose with another cookie",
      "`RABBITMQ_ERLANG_COOKIE=... rmq-doctor diagnose --yes --json`: \(LiveReport.describe(cookie))\n\n\(LiveReport.block(evidence))"
    )
  }

  @Test func diagnoseOfRabbit2ReportsItsCertificateAndTheUntrustedChain() throws {
    try LiveBroker.require()
    let run = try ClusterRun.shared.get()
    let diagnose = try #require(run.diagnoseNode2, "diagnose did not run")
    let findings = try LiveBroker.object(diagnose)["findings"] as? [[String: Any]] ?? []
    let tls = findings.filter { $0["guide"] as? String == "tls-handshake" }
    let expiry = try #require(
      tls.first { ($0["message"] as? String ?? "").contains("the server certificate expires in") },
      "\(findings)")
    // .ci/cluster-start makes the certificate valid for 5 days, anew at every start.
    let days = try #require(
      (expiry["message"] as? String)?.firstMatch(of: #/expires in (\d+) days/#)?.1)
    #expect((0...5).contains(Int(days) ?? -1), "\(expiry)")
    let chain = try #require(
      tls.first { $0["cause"] as? String == "unknown-ca" },
      "no unknown-ca finding from openssl in \(findings)")
    let evidence = chain["evidence"] as? [String] ?? []
    #expect(evidence.contains { $0.contains("verify error:num=19") }, "\(evidence)")
    LiveReport.record(
      "C0b. diagnose of rabbit2 (TLS on 5671)",
      "`RABBITMQ_NODENAME=rabbit2@localhost rmq-doctor diagnose --yes --json`: \(LiveReport.describe(expiry)); \(LiveReport.describe(chain))"
    )
  }

  @Test func diagnoseDuringThePartitionReportsIt() throws {
    try LiveBroker.require()
    let run = try ClusterRun.shared.get()
    let diagnose = try #require(
      run.diagnoseDuringPartition,
      "diagnose did not run: \(run.outcomes[.partition]?.problem ?? "")")
    let findings = try LiveBroker.object(diagnose)["findings"] as? [[String: Any]] ?? []
    let partition = try #require(
      findings.first { $0["guide"] as? String == "network-partition" },
      "no network-partition finding in \(findings)")
    let evidence = partition["evidence"] as? [String] ?? []
    #expect(
      evidence.contains {
        $0.contains("rabbit@localhost cannot communicate with rabbit2@localhost")
      }, "\(evidence)")
    LiveReport.record(
      "C0c. diagnose during the partition",
      "`rmq-doctor diagnose --yes --json` after rabbit2 was resumed: \(LiveReport.describe(partition))\n\n\(LiveReport.block(evidence))"
    )
  }

  @Test func aScanOfTheNodesLogsCountsEachScenarioUnderItsGuide() throws {
    try LiveBroker.require()
    let run = try ClusterRun.shared.get()
    let counts = try SearchAnswer.scanCounts(run.scan)
    let logging = ClusterScenario.allCases.filter { $0.brokerLogs }
    let expected = Dictionary(logging.map { ($0.guide, 1) }, uniquingKeysWith: +)
    for (guide, scenarios) in expected {
      #expect(
        (counts[guide] ?? 0) >= scenarios,
        "\(guide): \(counts[guide] ?? 0) of \(scenarios); scan: \(counts)")
    }
  }

  /// Everything the run changed is back: both nodes run, no partition, nothing left of rabbit8.
  @Test func theClusterIsWholeAgainAfterTheRun() throws {
    try LiveBroker.require()
    let run = try ClusterRun.shared.get()
    let status = try LiveCluster.diagnostics(["-q", "cluster_status", "--formatter", "json"])
    #expect(
      LiveCluster.isWhole(status.stdout),
      "\(status.stdout)\nat the end of the run:\n\(run.clusterAfter)")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: "/tmp").filter {
      $0.hasPrefix("rmq-doctor-live-node8-")
    }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}
