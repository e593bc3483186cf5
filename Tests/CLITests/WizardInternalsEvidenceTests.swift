import Foundation
import TestSupport
import Testing

/// The trees of the broker-internals family, walked from real 3.10.8 outputs where a diagnostic
/// sees the answer (rabbit2's links and plugins in `links-bundle`, the partition in
/// `partition-bundle`, a missing plugin in `captures/plugin-cli-errors.txt`) and from the user's
/// answers where none can.
@Suite struct WizardInternalsEvidenceTests {
  static let links = Fixtures.folder.appendingPathComponent("links-bundle").path
  static let partition = Fixtures.folder.appendingPathComponent("partition-bundle").path
  static let none = Fixtures.folder.appendingPathComponent("cli-cookie-bundle").path

  func walk(_ guide: String, evidence: String, answers: String) throws -> (
    causes: [String], trail: [String]
  ) {
    try WizardWalk.walk(guide, evidence: evidence, answers: answers)
  }

  /// shovel_status and rabbitmq-plugins list answer the first two questions; the log's reason
  /// the third.
  @Test func aShovelThatCannotConnectIsReadFromTheBundle() throws {
    let walked = try walk(
      "federation-shovel-link", evidence: Self.links, answers: "link-failure-reason=refused")
    #expect(walked.causes == ["link-cannot-connect"])
    #expect(
      walked.trail == [
        "link-kind=shovel (evidence)", "shovel-plugin-up=yes (evidence)",
        "link-failure-reason=refused",
      ])
  }

  @Test func aRefusedManagementPortWithThePluginRunningIsAListenerElsewhere() throws {
    let walked = try walk(
      "management-api-error", evidence: Self.links, answers: "mgmt-http-outcome=refused")
    #expect(walked.causes == ["listener-elsewhere"])
    #expect(walked.trail == ["mgmt-http-outcome=refused", "mgmt-plugin-running=yes (evidence)"])
  }

  @Test func aPluginNamedInTheFileButNotInstalledIsReadFromTheList() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-plugins-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let capture = try Fixtures.text("plugin-cli-errors.txt", in: Fixtures.captures).split(
      separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(
      capture.firstIndex {
        $0.hasPrefix("## $ timeout 60 rabbitmq-plugins -n rabbit13@localhost list")
          && !$0.hasSuffix("-e")
      })
    let output = capture[(start + 1)...].prefix { !$0.hasPrefix("(exit status") }.joined(
      separator: "\n")
    #expect(output.contains("enabled but missing"))
    try output.write(
      to: folder.appendingPathComponent("rabbitmq-plugins-list.txt"), atomically: true,
      encoding: .utf8)
    let walked = try walk(
      "plugin-failure", evidence: folder.path, answers: "plugins-cli-error=not-found")
    #expect(walked.causes == ["unknown-plugin"])
    #expect(walked.trail == ["plugin-failure-symptom=missing (evidence)"])
  }

  /// A crash on a node that kept running, while cluster_status lists a partition.
  @Test func aCrashDuringAPartitionIsItsFallout() throws {
    let walked = try walk(
      "crash-report", evidence: Self.partition, answers: "crash-node-survived=node-running")
    #expect(walked.causes == ["partition-fallout"])
    #expect(
      walked.trail == [
        "crash-node-survived=node-running", "crash-reason-kind=peer-lost (evidence)",
      ])
  }

  /// No diagnostic sees these answers: the user reads them from the log and the client.
  @Test(arguments: [
    (
      "internal-error", "internal-error-broker-entry=killed,internal-error-killed-on-purpose=yes",
      "killed-by-operator"
    ),
    ("internal-error", "internal-error-broker-entry=timeout", "internal-timeout"),
    (
      "internal-error", "internal-error-broker-entry=crash,internal-error-crash-module=plugin",
      "plugin-crash"
    ),
    ("dns-resolution", "dns-who-fails=client,dns-failure-kind=temporary", "resolver-down"),
    ("dns-resolution", "dns-who-fails=peer,dns-name-source=short-long", "short-vs-long-names"),
    (
      "crash-report", "crash-node-survived=vm-died,crash-dump-slogan=cannot-allocate",
      "memory-exhaustion"
    ),
  ])
  func theTreeFollowsTheAnswers(_ guide: String, _ answers: String, _ cause: String) throws {
    let walked = try walk(guide, evidence: Self.none, answers: answers)
    #expect(walked.causes == [cause], "\(walked.trail)")
  }
}
