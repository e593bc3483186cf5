import ErrorSearch
import Foundation
import TestSupport
import Testing

/// The cluster-formation and feature-flag captures (RabbitMQ 3.10.8, nodes lt3a..lt3f@localhost
/// made by `Tests/Fixtures/lab/capture-long-tail-cluster.sh`): the first line of each capture that
/// holds a marker names the right guide with confidence, and the nodes' logs scanned count their
/// entries under that guide.
@Suite struct LongTailClusterCaptureTests {
  static let cases: [NodeCaptureTests.Case] = [
    .init(
      file: "longtail-cluster-inconsistent.txt", marker: "thinks it's clustered with node",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-reset-member.txt", marker: "{:inconsistent_cluster,",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-reset-member.txt", marker: "Clustering node lt3b@localhost",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-reset-member.txt",
      marker: "Failed to create a tracked connection table", guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-peer-down.txt", marker: "Error while waiting for Mnesia tables",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-peer-down.txt", marker: "This cluster node was shut down",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-peer-down.txt", marker: "migration function crashed",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-discovery.txt", marker: "Could not auto-cluster with node lt3z",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-discovery.txt", marker: "is not part of configured nodes",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-discovery.txt", marker: "Failed to lock with peer discovery backend",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-discovery.txt", marker: "rabbit_peer_discovery_k8s:make_request",
      guide: "cluster-formation"),
    .init(
      file: "longtail-cluster-feature-flags.txt",
      marker: "must have failed to write the `feature_flags` file", guide: "upgrade-feature-flags"),
    .init(
      file: "longtail-cluster-feature-flags.txt", marker: "Enabling all feature flags",
      guide: "upgrade-feature-flags"),
  ]

  @Test(arguments: cases)
  func theCapturedLineNamesItsGuide(_ entry: NodeCaptureTests.Case) throws {
    try entry.expectNamed()
  }

  /// The nodes' log files in a capture (the sections after `## node log: PATH`), joined.
  static func nodeLogs(_ file: String) throws -> String {
    let text = try Fixtures.text(file, in: Fixtures.captures)
    var keep = false
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") {
        keep = line.hasPrefix("## node log: ")
      } else if keep {
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Capture file and the least count its nodes' logs must give the guide.
  static let scans: [(file: String, guide: String, least: Int)] = [
    ("longtail-cluster-inconsistent.txt", "cluster-formation", 2),
    ("longtail-cluster-reset-member.txt", "cluster-formation", 2),
    ("longtail-cluster-peer-down.txt", "cluster-formation", 2),
    ("longtail-cluster-discovery.txt", "cluster-formation", 3),
    ("longtail-cluster-feature-flags.txt", "upgrade-feature-flags", 1),
  ]

  @Test(arguments: scans.map(\.file))
  func theNodesLogsCountTheirEntriesUnderTheGuide(file: String) throws {
    let expected = try #require(Self.scans.first { $0.file == file })
    let logs = try Self.nodeLogs(file)
    #expect(!logs.isEmpty, "\(file): no node log")
    let counts = ScanSupport.counts(ScanSupport.scan(logs))
    #expect((counts[expected.guide] ?? 0) >= expected.least, "\(file): \(counts)")
  }

  /// The forgotten member's logs saved as a file and scanned from its path, as `rmq-doctor scan` reads them.
  @Test func theForgottenMembersLogFileIsScannedFromItsPath() throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("lt3b.log")
    try Self.nodeLogs("longtail-cluster-inconsistent.txt").write(
      to: log, atomically: true, encoding: .utf8)
    let report = ScanSupport.scan(paths: [log.path])
    let counts = ScanSupport.counts(report)
    #expect((counts["cluster-formation"] ?? 0) >= 2, "\(counts)")
  }
}
