import Foundation
import TestSupport
import Testing

/// The node, cluster and TLS trees, walked from the real 3.10.8 outputs of
/// `Tests/Fixtures/lab/capture-cluster-bundles.sh`: the evidence answers what it can see, the
/// given answers the rest.
@Suite struct WizardClusterEvidenceTests {
  func walk(_ guide: String, evidence: String, answers: String) throws -> (
    causes: [String], trail: [String]
  ) {
    try WizardWalk.walk(guide, evidence: evidence, answers: answers)
  }

  static let partition = Fixtures.folder.appendingPathComponent("partition-bundle").path
  static let cookie = Fixtures.folder.appendingPathComponent("cli-cookie-bundle").path

  /// The CLI's report says the distribution failed and carries its own cookie hash: both
  /// questions are answered from it.
  @Test func theCookieReportLandsOnTheCookie() throws {
    // The answer given is for a question this path never reaches.
    let walked = try walk(
      "cli-node-unreachable", evidence: Self.cookie, answers: "cli-name-matches-node=yes")
    #expect(walked.causes == ["cookie-mismatch"])
    #expect(
      walked.trail == [
        "cli-report-diagnostics=distribution-failed (evidence)",
        "cli-cookie-hashes-differ=yes (evidence)",
      ])
  }

  @Test func aNodeNameThatDoesNotRunAsksWhetherTheProcessRuns() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-rabbit9-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = try Fixtures.text("cluster-check-running-rabbit9.txt", in: Fixtures.captures)
    try report.write(
      to: folder.appendingPathComponent("rabbitmq-diagnostics-check_running.txt"), atomically: true,
      encoding: .utf8)
    let stopped = try walk(
      "cli-node-unreachable", evidence: folder.path, answers: "cli-node-process-runs=no")
    #expect(stopped.causes == ["node-not-running"])
    #expect(
      stopped.trail == [
        "cli-report-diagnostics=not-running (evidence)", "cli-node-process-runs=no",
      ])
    let misnamed = try walk(
      "cli-node-unreachable", evidence: folder.path, answers: "cli-node-process-runs=yes")
    #expect(misnamed.causes == ["wrong-node-name"])
  }

  @Test func thePartitionIsReadFromClusterStatusAndItsCauseAsked() throws {
    let walked = try walk(
      "network-partition", evidence: Self.partition, answers: "partition-what-before=paused")
    #expect(walked.causes == ["vm-paused"])
    #expect(walked.trail == ["partition-listed=yes (evidence)", "partition-what-before=paused"])
  }

  /// openssl's verify error 19 against rabbit2's listener answers the TLS tree by itself.
  @Test func theUntrustedChainIsReadFromOpenSSL() throws {
    let walked = try walk(
      "tls-handshake", evidence: Self.partition, answers: "tls-client-rejects-server=name")
    #expect(walked.causes == ["unknown-ca"])
    #expect(
      walked.trail == [
        "tls-listener-up=yes (evidence)", "tls-failure-signature=unknown-ca (evidence)",
      ])
  }

  /// Nothing in a diagnostic's output says why a node did not boot: the boot log does, and the
  /// answer comes from the user.
  @Test(arguments: [
    ("eaddrinuse", "port-in-use"), ("cookie", "cookie-file"), ("same-name", "same-name-running"),
    ("config", "bad-config"), ("plugin", "plugin-failed"), ("tables", "waiting-for-peers"),
  ])
  func theBootFailureTreeFollowsTheBootLog(_ answer: String, _ cause: String) throws {
    let walked = try walk(
      "node-startup-failure", evidence: Self.partition, answers: "boot-failure-reason=\(answer)")
    #expect(walked.causes == [cause])
  }
}
