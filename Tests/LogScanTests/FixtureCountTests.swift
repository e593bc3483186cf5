import Foundation
import LogScan
import TestSupport
import Testing

/// Scan's counts on the real broker log, checked against counts made another way: plain
/// substring and regular-expression counts over the file's lines.
@Suite struct FixtureCountTests {
  static let log = "broker-log-full.log"

  /// Lines whose message contains `needle`, at warning level or worse.
  static func problemLines(_ text: String, containing needles: [String]) -> Int {
    text.split(separator: "\n").filter { line in
      (line.contains("[warning]") || line.contains("[error]"))
        && needles.contains { line.contains($0) }
    }.count
  }

  @Test func everyGuideCountMatchesAnIndependentCount() throws {
    let text = try ScanSupport.fixture(Self.log)
    let report = ScanSupport.scan(paths: [try ScanSupport.fixturePath(Self.log)])
    let expected: [String: Int] = [
      "connection-closed-abruptly": Self.problemLines(
        text, containing: ["client unexpectedly closed TCP connection"]),
      "missed-heartbeats": Self.problemLines(text, containing: ["missed heartbeats from client"]),
      "etimedout": Self.problemLines(text, containing: ["{inet_error,etimedout}"]),
      "handshake-timeout": Self.problemLines(
        text, containing: ["{handshake_timeout,", "{bad_header,"]),
      "connection-forced": Self.problemLines(
        text, containing: ["connection exception connection_forced"]),
      "access-refused": Self.problemLines(text, containing: ["login refused", " not found"]),
    ].filter { $0.value > 0 }
    #expect(expected.count == 6, "the fixture has all six kinds")
    #expect(ScanSupport.counts(report) == expected)
  }

  /// Every entry at warning or worse is counted once: the distinct (timestamp, pid) pairs of
  /// the warning and error lines, read with a regular expression.
  @Test func entriesAreTheDistinctTimestampAndPidPairs() throws {
    let text = try ScanSupport.fixture(Self.log)
    let header = try NSRegularExpression(
      pattern: #"^(\S+ \S+) \[(warning|error|critical)\] (<[^>]+>)"#)
    var pairs = Set<String>()
    for line in text.split(separator: "\n").map(String.init) {
      guard let match = header.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
        let stamp = Range(match.range(at: 1), in: line),
        let pid = Range(match.range(at: 3), in: line)
      else { continue }
      pairs.insert("\(line[stamp]) \(line[pid])")
    }
    let report = ScanSupport.scan(paths: [try ScanSupport.fixturePath(Self.log)])
    #expect(report.entries == pairs.count)
    #expect(
      report.files.first?.lines == text.split(separator: "\n", omittingEmptySubsequences: false)
        .count - 1)
    #expect(report.files.first?.bytes == text.utf8.count)
  }

  @Test func theSlicesAddUpToTheWholeLog() throws {
    let slices = try FileManager.default.contentsOfDirectory(atPath: Fixtures.broker.path)
      .filter { $0.hasPrefix("broker-log-") && $0 != Self.log && $0 != "broker-log-startup.log" }
      .sorted()
    #expect(slices.count == 16)
    let parts = ScanSupport.scan(paths: try slices.map(ScanSupport.fixturePath))
    let whole = ScanSupport.scan(paths: [try ScanSupport.fixturePath(Self.log)])
    #expect(parts.entries == whole.entries)
    #expect(ScanSupport.counts(parts) == ScanSupport.counts(whole))
  }

  @Test func firstAndLastSeenAndPeers() throws {
    let report = ScanSupport.scan(paths: [try ScanSupport.fixturePath(Self.log)])
    let abrupt = try #require(report.guide("connection-closed-abruptly"))
    #expect(abrupt.firstSeen == "2026-11-23T04:46:25Z")
    #expect(abrupt.topPeers == [ScanReport.Count(value: "127.0.0.1", count: 3)])
    #expect(abrupt.topSubnets == [ScanReport.Count(value: "127.0.0.0/24", count: 3)])
    #expect(abrupt.topUsers == [ScanReport.Count(value: "guest", count: 3)])
    #expect(abrupt.topVhosts == [ScanReport.Count(value: "/", count: 3)])
    let refused = try #require(report.guide("access-refused"))
    #expect(refused.topUsers.map(\.value).sorted() == ["guest", "nosuchuser"])
    #expect(report.hours.map(\.hour) == ["2026-11-23T04:00:00Z"])
    #expect(report.hours.first?.count == report.entries)
  }

  @Test func theStartupLogHasNoConnectionErrors() throws {
    let report = ScanSupport.scan(paths: [try ScanSupport.fixturePath("broker-log-startup.log")])
    #expect(report.guides.isEmpty)
  }
}
