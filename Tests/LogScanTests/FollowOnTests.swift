import ErrorSearch
import Foundation
import TestSupport
import Testing

@testable import LogScan

/// A follow-on error (a channel used after the broker closed it) is linked to the error logged
/// before it on the same connection, which is the one to read.
@Suite struct FollowOnTests {
  /// The broker's entries from the real capture: a NOT_FOUND on channel 1, then the 504 the
  /// client caused by using channel 1 again.
  static func capturedEntries() throws -> [[String]] {
    let text = try Fixtures.text("channel-reuse-channel.txt", in: Fixtures.captures)
    let errors = text.split(separator: "\n").map(String.init).filter { $0.contains(" [error] ") }
    // Each entry is two lines with the same timestamp and pid; keep the messages.
    let messages = errors.map { line in String(line.split(separator: " ", maxSplits: 3)[3]) }
    try #require(messages.count == 4, "\(messages)")
    return [Array(messages[0...1]), Array(messages[2...3])]
  }

  @Test func theConnectionIsReadFromBothKindsOfEntry() throws {
    let entries = try Self.capturedEntries()
    let channelError = ConnectionDetails(messages: entries[0])
    let connectionError = ConnectionDetails(messages: entries[1])
    #expect(channelError.connection?.hasPrefix("<0.") == true)
    #expect(channelError.connection == connectionError.connection)
    #expect(
      ConnectionDetails(messages: ["missed heartbeats from client, timeout: 60s"]).connection == nil
    )
  }

  @Test func aFollowOnEntryCountsTheGuideOfTheErrorBeforeIt() throws {
    let entries = try Self.capturedEntries()
    var tally = ScanTally()
    func entry(_ messages: [String]) -> LogEntry {
      LogEntry(file: "broker.log", line: 1, level: .error, time: 0, messages: messages)
    }
    tally.record(
      entry(entries[0]), guide: "not-found", shape: "a",
      details: ConnectionDetails(messages: entries[0]))
    tally.record(
      entry(entries[1]), guide: "channel-closed", shape: "b",
      details: ConnectionDetails(messages: entries[1]),
      followOn: true)
    // The same follow-on on a connection that logged nothing before it.
    let elsewhere = entries[1].map { $0.replacingOccurrences(of: "<0.", with: "<9.") }
    tally.record(
      entry(elsewhere), guide: "channel-closed", shape: "b",
      details: ConnectionDetails(messages: elsewhere),
      followOn: true)
    #expect(
      tally.guides["channel-closed"]?.firstErrors == ["not-found": 1, ScanTally.noFirstError: 1])
    #expect(tally.guides["not-found"]?.firstErrors.isEmpty == true)
    let report = ScanReport(tally, window: ScanWindow(), titles: { $0 })
    let firstErrors = report.guides.first { $0.id == "channel-closed" }?.firstErrors ?? []
    #expect(
      Dictionary(uniqueKeysWithValues: firstErrors.map { ($0.value, $0.count) }) == [
        "not-found": 1, ScanTally.noFirstError: 1,
      ])
    #expect(report.guides.first { $0.id == "not-found" }?.firstErrors == nil)
  }

  @Test func aScanOfTheCapturedLogPointsTheClosedChannelAtTheMissingQueue() throws {
    let text = try Fixtures.text("channel-reuse-channel.txt", in: Fixtures.captures)
    let log = text.components(separatedBy: "## broker log\n").last ?? ""
    let index = SearchIndex(documents: [
      SearchDocument(
        id: "closed", title: "Closed", summary: "",
        signatures: ["caused a connection exception channel_error: \"expected 'channel.open'\""],
        body: "",
        followOn: true),
      SearchDocument(
        id: "missing", title: "Missing", summary: "",
        signatures: ["caused a channel exception not_found: no queue 'x' in vhost '/'"], body: ""),
    ])
    let scanner = LogScanner(classifier: LogClassifier(index: index), year: 2026)
    var source = MemorySource(Array(log.utf8))
    scanner.scan(&source, name: "channel-reuse-channel.txt")
    let report = scanner.report()
    #expect(report.guides.map(\.id).sorted() == ["closed", "missing"])
    #expect(
      report.guides.first { $0.id == "closed" }?.firstErrors == [
        ScanReport.Count(value: "missing", count: 1)
      ])
  }
}
