import Foundation
import LogScan
import Testing

/// Windows, hours, subnets and the shapes of unclassified entries.
@Suite struct GroupingTests {
  static func entry(
    _ time: String, peer: String, user: String = "guest",
    reason: String = "client unexpectedly closed TCP connection"
  ) -> String {
    """
    \(time) [warning] <0.680.0> closing AMQP connection <0.680.0> (\(peer) -> 10.0.0.1:5672 - app, vhost: '/', user: '\(user)'):
    \(time) [warning] <0.680.0> \(reason)

    """
  }

  static let log =
    entry("2026-11-23 01:10:00.000000+00:00", peer: "10.1.2.3:4000")
    + entry("2026-11-23 01:20:00.000000+00:00", peer: "10.1.2.4:4001")
    + entry("2026-11-23 03:05:00.000000+01:00", peer: "10.1.9.9:4002", user: "app")
    + entry("2026-11-23 05:00:00.000000+00:00", peer: "[2001:db8::1:5]:4003")
    + entry("2026-11-23 05:30:00.000000+00:00", peer: "[2001:db8::2:6]:4004")

  @Test func hoursPeersSubnetsAndUsers() {
    let report = ScanSupport.scan(Self.log)
    #expect(
      report.hours.map(\.hour) == [
        "2026-11-23T01:00:00Z", "2026-11-23T02:00:00Z", "2026-11-23T05:00:00Z",
      ])
    #expect(report.hours.map(\.count) == [2, 1, 2])
    let guide = report.guide("connection-closed-abruptly")
    #expect(guide?.count == 5)
    #expect(guide?.firstSeen == "2026-11-23T01:10:00Z")
    #expect(guide?.lastSeen == "2026-11-23T05:30:00Z")
    #expect(report.subnets.map(\.value) == ["10.1.2.0/24", "2001:db8::/64", "10.1.9.0/24"])
    #expect(report.subnets.map(\.count) == [2, 2, 1])
    #expect(report.peers.count == 5)
    #expect(report.users.map(\.value) == ["guest", "app"])
  }

  @Test func otherPrefixLengths() {
    let scanner = LogScanner(
      classifier: ScanSupport.classifier, prefixes: SubnetPrefixes(ipv4: 16, ipv6: 32), year: 2026)
    var source = MemorySource(Array(Self.log.utf8))
    scanner.scan(&source, name: "log")
    #expect(scanner.report().subnets.map(\.value) == ["10.1.0.0/16", "2001:db8::/32"])
  }

  @Test func sinceAndUntil() throws {
    let since = try #require(LogTime.seconds(parsing: "2026-11-23T02:00"))
    let until = try #require(LogTime.seconds(parsing: "2026-11-23 05:15:00Z"))
    let report = ScanSupport.scan(
      Self.log
        + "2026-11-23 04:00:00 untimed? no\nTraceback (most recent call last):\nValueError: refused\n",
      window: ScanWindow(since: since, until: until))
    #expect(report.entries == 3)
    #expect(report.outsideWindow == 3)
    #expect(report.since == "2026-11-23T02:00:00Z")
  }

  @Test func timesThatDoNotParse() {
    #expect(LogTime.seconds(parsing: "2026-13-01") == nil)
    #expect(LogTime.seconds(parsing: "yesterday") == nil)
    #expect(
      LogTime.seconds(parsing: "2026-11-23") == LogTime.seconds(parsing: "2026-11-23T00:00:00Z"))
    #expect(
      LogTime.seconds(parsing: "2026-11-23T02:00+02:00")
        == LogTime.seconds(parsing: "2026-11-23T00:00Z"))
  }

  @Test func unclassifiedEntriesAreGroupedByShape() {
    let log = """
      2026-11-23 04:00:01.000000+00:00 [error] <0.901.0> Queue 'orders-1' in vhost 'shop' crashed with reason 42
      2026-11-23 04:00:02.000000+00:00 [error] <0.902.0> Queue 'orders-2' in vhost 'shop' crashed with reason 7
      2026-11-23 04:00:03.000000+00:00 [error] <0.903.0> Mnesia overloaded: dump_log write_threshold
      """
    let report = ScanSupport.scan(log)
    #expect(report.unclassified == 3)
    #expect(report.unclassifiedShapes.map(\.count) == [2, 1])
    #expect(
      report.unclassifiedShapes.first?.shape == "Queue '…' in vhost '…' crashed with reason #")
    #expect(report.unclassifiedShapes.first?.example.line == 1)
  }

  @Test func theReportIsTheSameEveryTime() throws {
    let text = try ScanSupport.fixture("broker-log-full.log")
    #expect(ScanSupport.scan(text) == ScanSupport.scan(text))
  }
}
