import ErrorSearch
import Foundation
import TestSupport
import Testing

/// The node, cluster and TLS family's real captures (RabbitMQ 3.10.8 on Erlang 25.2.3, made by
/// `Tests/Fixtures/lab/capture-{cli-unreachable,startup-failures,partition,tls}.sh`): the first
/// line of each capture that holds a marker names the right guide with confidence. The live
/// suite checks the same on the test cluster; these run everywhere.
@Suite struct NodeCaptureTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var marker: String
    var guide: String
    var testDescription: String { "\(file): \(marker)" }

    /// The first line of the capture that holds the marker, outside the capture's `#` header,
    /// must name the guide with confidence.
    func expectNamed(sourceLocation: SourceLocation = #_sourceLocation) throws {
      let text = try Fixtures.text(file, in: Fixtures.captures)
      let line = try #require(
        text.split(separator: "\n").first { $0.contains(marker) && !$0.hasPrefix("#") },
        "no \(marker)",
        sourceLocation: sourceLocation)
      AlarmCaptureTests.expectNames(guide, String(line), sourceLocation: sourceLocation)
    }
  }

  static let cases: [Case] = [
    Case(
      file: "cli-wrong-cookie.txt", marker: "Erlang distribution failed",
      guide: "cli-node-unreachable"),
    Case(
      file: "cli-wrong-cookie.txt", marker: "Invalid challenge reply", guide: "cli-node-unreachable"
    ),
    Case(file: "cli-node-stopped.txt", marker: "not running at all", guide: "cli-node-unreachable"),
    Case(file: "cli-unresolvable-host.txt", marker: "nxdomain", guide: "cli-node-unreachable"),
    Case(
      file: "cli-dist-port-blocked.txt", marker: "can't establish TCP connection",
      guide: "cli-node-unreachable"),
    Case(
      file: "startup-bad-conf.txt", marker: "Error preparing configuration",
      guide: "node-startup-failure"),
    Case(
      file: "startup-cookie-file.txt", marker: "must be accessible by owner only",
      guide: "node-startup-failure"),
    Case(file: "startup-same-name.txt", marker: "already running", guide: "node-startup-failure"),
    Case(
      file: "startup-port-amqp.txt", marker: "for reason eaddrinuse", guide: "node-startup-failure"),
    Case(file: "partition-ignore.txt", marker: "net_tick_timeout", guide: "network-partition"),
    Case(
      file: "partition-ignore.txt", marker: "running_partitioned_network",
      guide: "network-partition"),
    Case(
      file: "partition-ignore.txt", marker: "cannot communicate with", guide: "network-partition"),
    Case(file: "partition-autoheal.txt", marker: "Autoheal decision", guide: "network-partition"),
    Case(file: "tls-client-unknown-ca.txt", marker: "Fatal - Unknown CA", guide: "tls-handshake"),
    Case(
      file: "tls-server-untrusted.txt", marker: "CERTIFICATE_VERIFY_FAILED", guide: "tls-handshake"),
    Case(file: "tls-client-expired.txt", marker: "Certificate Expired", guide: "tls-handshake"),
    Case(file: "tls-no-client-cert.txt", marker: "Certificate required", guide: "tls-handshake"),
  ]

  @Test(arguments: cases)
  func theCapturedLineNamesItsGuide(_ entry: Case) throws {
    try entry.expectNamed()
  }

  /// The report as the issue quotes it, from a CLI of the Erlang releases that named the cause
  /// (`Authentication failed (rejected by the remote node)`): it was answered econnrefused,
  /// with confidence.
  @Test func theCookieReportOfOlderReleasesIsNotEconnrefused() {
    let report = """
      Error: unable to perform an operation on node 'rabbit@host'. Please see diagnostics information and suggestions below.

      DIAGNOSTICS
      ===========

      attempted to contact: [rabbit@host]

      rabbit@host:
        * connected to epmd (port 4369) on host
        * epmd reports node 'rabbit' uses port 25672 for inter-node and CLI tool traffic
        * TCP connection succeeded but Erlang distribution failed
        * Authentication failed (rejected by the remote node), please check the Erlang cookie
      """
    AlarmCaptureTests.expectNames("cli-node-unreachable", report)
    #expect(AlarmCaptureTests.index.search(report).results.first?.id != "econnrefused")
  }

  /// A scan of the partition capture's node logs counts the partition.
  @Test func aScanOfThePartitionCaptureCountsIt() throws {
    let text = try Fixtures.text("partition-ignore.txt", in: Fixtures.captures)
    let logLines = text.split(separator: "\n").filter {
      $0.hasPrefix("20") && $0.contains("+00:00 [")
    }
    let counts = ScanSupport.counts(ScanSupport.scan(logLines.joined(separator: "\n") + "\n"))
    #expect((counts["network-partition"] ?? 0) >= 2, "\(counts)")
  }
}
