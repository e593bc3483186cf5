import Foundation
import TestSupport
import Testing

@testable import Diagnostics

/// The node, cluster and TLS diagnostics on the real 3.10.8 outputs that
/// `Tests/Fixtures/lab/capture-cluster-bundles.sh` captured on the two-node test cluster: during
/// a partition (`partition-bundle`), with a CLI whose cookie is not the node's
/// (`cli-cookie-bundle`), and a node stopped or not running (`captures`).
@Suite struct ClusterDiagnosticsTests {
  static let partition = Fixtures.folder.appendingPathComponent("partition-bundle")
  static let cookie = Fixtures.folder.appendingPathComponent("cli-cookie-bundle")
  static let captures = Fixtures.folder.appendingPathComponent("captures")

  func reading(_ id: String, _ file: String, in folder: URL) throws -> DiagnosticReading {
    let text = try Fixtures.text(file, in: folder)
    return OutputReader.read(
      text, of: try BrokerFixtures.command(id), source: file, classifier: BrokerFixtures.classifier)
  }

  @Test func clusterStatusDuringAPartitionNamesBothNodes() throws {
    let status = try reading(
      "rabbitmq-cluster-status", "rabbitmq-diagnostics-cluster_status.txt", in: Self.partition)
    #expect(status.problem == nil)
    #expect(status.value("cluster-nodes") == 2, "\(status.summary)")
    #expect(status.value("network-partitions") == 1, "\(status.summary)")
    #expect(
      status.fact("network-partitions")?.evidence == [
        "Node rabbit2@localhost cannot communicate with rabbit@localhost"
      ])
  }

  @Test func clusterStatusWhileTheOtherNodeIsStoppedListsItAsDown() throws {
    let status = try reading(
      "rabbitmq-cluster-status", "cluster-status-node2-stopped.txt", in: Self.captures)
    #expect(status.value("cluster-nodes") == 2, "\(status.summary)")
    #expect(status.value("cluster-nodes-down") == 1, "\(status.summary)")
    #expect(
      status.fact("cluster-nodes-down")?.evidence == [
        "rabbit2@localhost is a member but not running"
      ])
    #expect(
      status.value("network-partitions") == 0,
      "a stopped node is not yet a partition: \(status.summary)")
  }

  @Test func certificateExpirationGivesTheDaysLeftFromTheListedDate() throws {
    let file = "rabbitmq-diagnostics-check_certificate_expiration.txt"
    let expiry = try reading("rabbitmq-certificate-expiration", file, in: Self.partition)
    #expect(expiry.problem == nil)
    #expect(expiry.value("certificates-expiring") == 1, "\(expiry.summary)")
    // The date in the capture, read independently of the parser.
    let text = try Fixtures.text(file, in: Self.partition)
    let stamp = try #require(text.firstMatch(of: #/certfile_expires_on: \["([0-9: -]+)"\]/#)?.1)
    let formatter = ISO8601DateFormatter()
    let expires = try #require(formatter.date(from: stamp.replacing(" ", with: "T") + "Z"))
    if expires > Date() {
      let days = (expires.timeIntervalSinceNow / 86_400).rounded()
      #expect(expiry.value("certificate-days-left") == days, "\(expiry.summary)")
      #expect(expiry.value("certificates-expired") == 0)
    } else {
      #expect(expiry.value("certificate-days-left") == nil, "\(expiry.summary)")
      #expect(expiry.value("certificates-expired") == 1)
    }
    #expect(
      expiry.fact("certificates-expiring")?.evidence.first?.contains(
        "/etc/rabbitmq/node2/tls/server.pem") == true)
  }

  @Test func certificateExpirationWithNothingDueAndAHandMadeDate() throws {
    let none = try BrokerFixtures.reading(
      "rabbitmq-certificate-expiration",
      output:
        "Checking certificate expiration on node rabbit@localhost ...\nNo certificates are expiring within 30 days.\n"
    )
    #expect(
      none.value("certificates-expiring") == 0 && none.value("certificate-days-left") == nil,
      "\(none.summary)")
    let lines = OutputLines(
      #"%{certfile: "/s.pem", certfile_expires_on: ["2030-01-11 00:00:00"], cacertfile: "/c.pem", cacertfile_expires_on: ["2029-12-31 00:00:00"], interface: "0.0.0.0", port: 5671}"#
    )
    let now = try #require(RabbitCertificateExpiry.date("2030-01-01 00:00:00"))
    let found = RabbitCertificateExpiry.findings(lines, now: now)
    #expect(
      found.first { $0.id == "certificate-days-left" }?.value == 10,
      "the nearer of 10 and -1 days that is ahead")
    #expect(found.first { $0.id == "certificates-expired" }?.value == 1)
    #expect(found.first { $0.id == "certificates-expiring" }?.value == 2)
  }

  @Test func tlsVersionsOfTheRuntime() throws {
    let versions = try reading(
      "rabbitmq-tls-versions", "rabbitmq-diagnostics-tls_versions.txt", in: Self.partition)
    #expect(versions.problem == nil)
    #expect(
      versions.value("tls13-enabled") == 1 && versions.value("tls12-enabled") == 1,
      "\(versions.summary)")
    #expect(versions.value("tls-versions-enabled") == 4, "\(versions.summary)")
  }

  @Test func opensslWithoutTheTestCAReportsAnUntrustedChain() throws {
    let client = try reading("openssl-s-client-amqps", "openssl-s_client.txt", in: Self.partition)
    #expect(client.problem == nil)
    #expect(client.value("tls-port-open") == 1)
    #expect(client.value("tls-verify-error") == 19, "\(client.summary)")
    #expect(client.value("tls-chain-untrusted") == 1)
    #expect(client.value("tls-certificate-expired") == 0)
    #expect(client.value("tls-handshake-completed") == 0)
    #expect(
      client.fact("tls-chain-untrusted")?.evidence.contains(
        "verify error:num=19:self-signed certificate in certificate chain") == true)
  }

  @Test func opensslAgainstAPlainPortOrNothing() throws {
    let plain = try BrokerFixtures.reading(
      "openssl-s-client-amqps",
      output: """
        40475D8CC27F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:350:
        CONNECTED(00000003)
        ---
        no peer certificate available
        """)
    #expect(
      plain.value("tls-not-tls") == 1 && plain.value("tls-handshake-completed") == 0,
      "\(plain.summary)")
    let refused = try BrokerFixtures.reading(
      "openssl-s-client-amqps",
      output: """
        40573C8F6C7F0000:error:8000006F:system library:BIO_connect:Connection refused:../crypto/bio/bio_sock2.c:117:calling connect()
        connect:errno=111
        """)
    #expect(refused.problem == nil)
    #expect(
      refused.value("tls-port-open") == 0 && refused.value("tls-chain-untrusted") == nil,
      "\(refused.summary)")
  }

  @Test func checkRunningOnARunningNode() throws {
    let running = try reading(
      "rabbitmq-check-running", "rabbitmq-diagnostics-check_running.txt", in: Self.partition)
    #expect(running.problem == nil)
    #expect(
      running.value("node-app-running") == 1 && running.value("cli-node-unreachable") == 0,
      "\(running.summary)")
  }

  /// The report of a CLI whose cookie the node rejects is read as facts, not as a failed run, and
  /// says the cookie, not that the node is down.
  @Test func checkRunningWithAnotherCookieSaysTheCookie() throws {
    let report = try reading(
      "rabbitmq-check-running", "rabbitmq-diagnostics-check_running.txt", in: Self.cookie)
    #expect(report.problem == nil, "\(report.problem ?? "")")
    #expect(report.value("cli-node-unreachable") == 1)
    #expect(report.value("cli-cookie-rejected") == 1, "\(report.summary)")
    #expect(report.value("cli-node-not-running") == 0)
    #expect(report.value("cli-epmd-unreachable") == 0)
    let evidence = report.fact("cli-cookie-rejected")?.evidence ?? []
    #expect(
      evidence.contains { $0.contains("TCP connection succeeded but Erlang distribution failed") },
      "\(evidence)")
  }

  @Test func checkRunningAgainstANodeNameThatDoesNotRun() throws {
    let report = try reading(
      "rabbitmq-check-running", "cluster-check-running-rabbit9.txt", in: Self.captures)
    #expect(report.value("cli-node-not-running") == 1, "\(report.summary)")
    #expect(report.value("cli-cookie-rejected") == 0, "\(report.summary)")
  }

  /// The distribution port dropped by a firewall rule (captured by capture-cli-unreachable.sh):
  /// epmd answers, the connection to the node's port times out.
  @Test func checkRunningWithTheDistributionPortBlocked() throws {
    let text = try Fixtures.text("cli-dist-port-blocked.txt", in: Self.captures)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(
      lines.firstIndex { $0 == "## $ rabbitmq-diagnostics -n rabbit3@localhost check_running" })
    let output = lines[(start + 1)...].prefix { !$0.hasPrefix("(exit status") }.joined(
      separator: "\n")
    let report = try BrokerFixtures.reading("rabbitmq-check-running", output: output)
    #expect(report.value("cli-dist-unreachable") == 1, "\(report.summary)")
    #expect(
      report.value("cli-cookie-rejected") == 0 && report.value("cli-node-not-running") == 0,
      "\(report.summary)")
  }

  /// 3.10's erlang_cookie_hash crashes instead of printing the report: it says only that the node
  /// did not answer, and claims nothing about the cookie.
  @Test func theCookieHashCrashOf310SaysOnlyUnreachable() throws {
    let hash = try reading(
      "rabbitmq-erlang-cookie-hash", "rabbitmq-diagnostics-erlang_cookie_hash.txt", in: Self.cookie)
    #expect(hash.value("cli-node-unreachable") == 1, "\(hash.summary)")
    #expect(hash.value("cookie-hash-mismatch") == nil, "\(hash.summary)")
    let answered = try BrokerFixtures.reading(
      "rabbitmq-erlang-cookie-hash",
      output: "Asking node rabbit@localhost its Erlang cookie hash...\nQ+YDT7qLANQtwPqVei0YHQ==\n")
    #expect(answered.value("cookie-hash-mismatch") == 0, "\(answered.summary)")
  }

  @Test func anUnparsableNodeNameAndAStoppedApplication() throws {
    let name = try BrokerFixtures.reading(
      "rabbitmq-check-running",
      output: """
        Error: operation check_running failed due to invalid node name (node: rabbit@no-such-host.invalid, reason: short).
        If using FQDN node names, use the -l / --longnames argument
        """)
    #expect(name.value("cli-invalid-node-name") == 1, "\(name.summary)")
    let stopped = try BrokerFixtures.reading(
      "rabbitmq-check-running",
      output: """
        Checking if RabbitMQ is running on node rabbit2@localhost ...
        Error:
        RabbitMQ on node rabbit2@localhost is not running or has not fully booted yet (check with is_booting)
        """)
    #expect(stopped.problem == nil)
    #expect(stopped.value("node-app-running") == 0, "\(stopped.summary)")
  }

  /// Other output still reads as a failed run.
  @Test func anUnrelatedErrorIsStillAProblem() throws {
    let other = try BrokerFixtures.reading(
      "rabbitmq-check-running", output: "Error:\nsomething else entirely\n")
    #expect(other.problem != nil)
    #expect(other.facts.isEmpty)
  }
}
