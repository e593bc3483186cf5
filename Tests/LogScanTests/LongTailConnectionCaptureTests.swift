import ErrorSearch
import Foundation
import TestSupport
import Testing

/// The long-tail connection captures (RabbitMQ 3.10.8, pika 1.4.4, kombu 5.7.0 with py-amqp 5.4.2,
/// OpenJDK 17, Go amqp091-go 1.5.0 and Node.js 20, made by
/// `Tests/Fixtures/lab/capture-long-tail-connections.sh`): the first line of each capture that
/// holds a marker names the right guide with confidence, and a scan of each capture counts its
/// entries under that guide.
@Suite struct LongTailConnectionCaptureTests {
  static let cases: [NodeCaptureTests.Case] = [
    .init(
      file: "longtail-closed-no-reason.txt",
      marker: "IncompatibleProtocolError: StreamLostError: ('Transport indicated EOF',)",
      guide: "connection-closed-no-reason"),
    .init(
      file: "longtail-closed-no-reason.txt", marker: "connection_lost: StreamLostError",
      guide: "connection-closed-no-reason"),
    .init(
      file: "longtail-closed-no-reason.txt",
      marker: "OSError: Server unexpectedly closed connection",
      guide: "connection-closed-no-reason"),
    .init(
      file: "longtail-closed-no-reason.txt", marker: "client unexpectedly closed TCP connection",
      guide: "connection-closed-abruptly"),
    .init(
      file: "longtail-syn-drop.txt", marker: "AMQPConnectorSocketConnectError: TimeoutError",
      guide: "connect-timeout"),
    .init(
      file: "longtail-syn-drop.txt", marker: "OperationalError: timed out", guide: "connect-timeout"
    ),
    .init(
      file: "longtail-syn-drop.txt", marker: "TimeoutError: [Errno 110]", guide: "connect-timeout"),
    .init(
      file: "longtail-syn-drop.txt", marker: "SocketTimeoutException: Connect timed out",
      guide: "connect-timeout"),
    .init(
      file: "longtail-syn-drop.txt", marker: "ConnectException: Connection timed out",
      guide: "connect-timeout"),
    .init(file: "longtail-syn-drop.txt", marker: "i/o timeout", guide: "connect-timeout"),
    .init(file: "longtail-syn-drop.txt", marker: "connect ETIMEDOUT", guide: "connect-timeout"),
  ]

  @Test(arguments: cases)
  func theCapturedLineNamesItsGuide(_ entry: NodeCaptureTests.Case) throws {
    try entry.expectNamed()
  }

  /// The captures hold client log lines, tracebacks and, for the closes, the node's log: a scan
  /// counts the client's entries under the guide of each capture, and the refused login and the
  /// client killed mid-handshake under theirs.
  @Test(arguments: [
    ("longtail-closed-no-reason.txt", "connection-closed-no-reason", 3),
    ("longtail-closed-no-reason.txt", "access-refused", 1),
    ("longtail-closed-no-reason.txt", "connection-closed-abruptly", 1),
    ("longtail-syn-drop.txt", "connect-timeout", 5),
  ])
  func theScannedCaptureCountsItsGuide(_ file: String, _ guide: String, _ least: Int) throws {
    let counts = ScanSupport.counts(
      ScanSupport.scan(try Fixtures.text(file, in: Fixtures.captures)))
    #expect(
      (counts[guide] ?? 0) >= least,
      "\(file): \(guide) \(counts[guide] ?? 0) of \(least); \(counts)")
  }

  /// A node killed under an open connection writes nothing: its capture's log part is empty, and
  /// the only entry is the client's reset.
  @Test func aKilledNodeLeavesNoLogLine() throws {
    let text = try Fixtures.text("longtail-node-killed.txt", in: Fixtures.captures)
    let log = try #require(text.range(of: "## node log:"))
    let logLines = text[log.upperBound...].split(separator: "\n").dropFirst()
    #expect(!logLines.contains { $0.contains("closing AMQP connection") }, "\(logLines)")
    #expect(text.contains("pika.exceptions.StreamLostError: Stream connection lost"))
  }
}
