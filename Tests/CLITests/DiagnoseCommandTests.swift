import Foundation
import Testing

/// `rmq-doctor diagnose`, from the real captures and live on this host.
@Suite struct DiagnoseCommandTests {
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "rmq-doctor-diagnose-\(UUID().uuidString)")

  @Test func theCapturedFixturesGiveTheirRealFindings() throws {
    let run = try Binary.run([
      "diagnose", "--evidence", Binary.brokerFixtures, "--content", Binary.shippedContent,
    ])
    #expect(run.status == 1, "\(run.stderr)")
    let out = run.stdout
    #expect(out.contains("1 connection(s) negotiate heartbeat 0 (timeout column)"))
    #expect(out.contains("-> etimedout, cause heartbeats-off: rmq-doctor show etimedout"))
    #expect(out.contains("tcp_keepalive_time is 7200 s"))
    #expect(out.contains("the broker log has 2 connection(s) closed for missed heartbeats"))
    #expect(out.contains("AMQP socket(s) are retransmitting"))
    #expect(out.contains("kernel-oom-kills, dmesg-grep-oom-as-nobody.txt: permission denied"))
    #expect(out.contains("rabbitmqctl-list_connections-broker-down.txt: the node is not running"))
    #expect(run.stderr.isEmpty)
  }

  @Test func jsonCarriesFindingsFactsAndProblems() throws {
    let run = try Binary.run([
      "diagnose", "--json", "--evidence", Binary.brokerFixtures, "--content", Binary.shippedContent,
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == ["origin", "findings", "facts", "problems", "skipped", "unavailable"])
    let findings = try #require(object["findings"] as? [[String: Any]])
    let heartbeat = try #require(
      findings.first { $0["fact"] as? String == "heartbeat-zero-connections" })
    #expect(heartbeat["guide"] as? String == "etimedout")
    #expect(heartbeat["value"] as? Double == 1)
    #expect((heartbeat["evidence"] as? [String])?.contains { $0.contains("\t0\trunning") } == true)
    #expect(run.status == 1)
  }

  @Test func healthyEvidenceHasNoFindingsAndExitsZero() throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    try
      "net.ipv4.tcp_keepalive_time = 60\nnet.ipv4.tcp_keepalive_intvl = 10\nnet.ipv4.tcp_keepalive_probes = 6\nnet.ipv4.tcp_retries2 = 8\n"
      .write(
        to: scratch.appendingPathComponent("sysctl-keepalive.txt"), atomically: true,
        encoding: .utf8)
    let run = try Binary.run([
      "diagnose", "--evidence", scratch.path, "--content", Binary.shippedContent,
    ])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.contains("No findings."))
    #expect(run.stdout.contains("No captured output for: "))
  }

  @Test func aMissingEvidenceFolderIsAUsageError() throws {
    let run = try Binary.run([
      "diagnose", "--evidence", "/no/such/bundle", "--content", Binary.shippedContent,
    ])
    Binary.expectOneLineError(run, containing: "/no/such/bundle: no such evidence folder")
    #expect(run.status == 2)
  }

  @Test func liveWithoutATerminalNeedsYes() throws {
    let run = try Binary.run(["diagnose", "--content", Binary.shippedContent])
    Binary.expectOneLineError(run, containing: "pass --yes")
    #expect(run.status == 2)
  }

  @Test func theWizardRunsTheGuidesDiagnosticsAfterShowingThem() throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    let run = try Binary.run(
      [
        "wizard", "etimedout", "--content", Binary.shippedContent, "--run-diagnostics", "--yes",
        "--json", "--answers", "broker-log-reason=inet-error,etimedout-delay=hours",
      ], environment: try sysctlOnly())
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.hasPrefix(
        "Read-only commands to run on this host:\n  $ sysctl net.ipv4.tcp_keepalive_time"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect((object["causes"] as? [[String: Any]])?.first?["id"] as? String == "keepalive-defaults")
  }

  @Test func theWizardDoesNotRunDiagnosticsUnaskedWithoutATerminal() throws {
    let run = try Binary.run([
      "wizard", "etimedout", "--content", Binary.shippedContent, "--run-diagnostics",
      "--answers", "broker-log-reason=inet-error,etimedout-delay=hours",
    ])
    #expect(run.status == 2)
    #expect(run.stderr.hasSuffix("add --yes to run the diagnostics (see 'rmq-doctor help')\n"))
  }

  /// The shipped content, run with a `PATH` that holds sysctl only, which every Linux host has
  /// and any user may run: the other diagnostics are skipped as not installed. (The catalogue
  /// itself stays whole: content that lint rejects is refused.)
  func sysctlOnly() throws -> [String: String] {
    let bin = scratch.appendingPathComponent("bin").path
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    let sysctl = try #require(
      ["/usr/sbin/sysctl", "/sbin/sysctl", "/usr/bin/sysctl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
      },
      "sysctl is not installed")
    try FileManager.default.createSymbolicLink(atPath: bin + "/sysctl", withDestinationPath: sysctl)
    return ["PATH": bin]
  }

  @Test func liveRunShowsEachCommandBeforeRunningIt() throws {
    // A catalogue of one: sysctl, which every Linux host has and any user may run.
    defer { try? FileManager.default.removeItem(at: scratch) }
    let run = try Binary.run(
      ["diagnose", "--yes", "--content", Binary.shippedContent], environment: try sysctlOnly())
    #expect(
      run.stdout.hasPrefix(
        "Read-only commands to run on this host:\n  $ sysctl net.ipv4.tcp_keepalive_time"))
    #expect(run.stdout.contains("Diagnostics read from this host: 1 output(s)."))
    // The default kernel settings are findings; tuned ones are not.
    #expect(run.status == (run.stdout.contains("No findings.") ? 0 : 1))
    #expect(run.stderr.isEmpty, "\(run.stderr)")
  }
}
