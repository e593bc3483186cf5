import ErrorSearch
import Foundation
import TestSupport
import Testing

@testable import LogScan

/// The alarms-and-limits family's real captures (RabbitMQ 3.10.8, pika 1.4.4, made by
/// `Tests/Fixtures/lab/capture-alarms-limits.sh`): each broker log scanned counts its entries
/// under their guides, and what the clients printed names the right guide with confidence.
/// The file descriptor capture is checked here only: the live suite cannot restart the broker
/// with a lower `ulimit -n` while other suites use it.
@Suite struct AlarmCaptureTests {
  /// Capture file and the guides its broker log must count, with the least count of each.
  static let captures: [(file: String, guides: [String: Int])] = [
    ("alarm-memory.txt", ["memory-alarm": 1]),
    ("alarm-disk.txt", ["disk-alarm": 1]),
    // Five refusals; the vhost connection limit's whole two-line entry ties with
    // access-refused's virtual host refusal (both messages match whole), so the scan leaves it
    // unclassified rather than guess. Its second line alone is answered (below).
    ("limits.txt", ["connection-limits": 4]),
    ("fd-limit-json.txt", ["file-descriptor-limit": 1, "memory-alarm": 1]),
  ]

  /// The capture's sections, keyed by their heading (`client: ...`, `$ command`, `broker log`),
  /// in order.
  static func sections(_ file: String) throws -> [(heading: String, lines: [String])] {
    let text = try Fixtures.text(file, in: Fixtures.captures)
    var sections: [(heading: String, lines: [String])] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("## ") {
        sections.append((String(line.dropFirst(3)), []))
      } else if !sections.isEmpty {
        sections[sections.count - 1].lines.append(line)
      }
    }
    return sections
  }

  static func brokerLog(_ file: String) throws -> String {
    let log = try #require(
      try sections(file).last { $0.heading == "broker log" }, "\(file): no broker log")
    return log.lines.joined(separator: "\n")
  }

  static let index = SearchIndex(documents: ScanSupport.library?.searchDocuments ?? [])

  static func expectNames(
    _ guide: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let outcome = index.search(text)
    #expect(
      outcome.results.first?.id == guide && outcome.confident,
      "\(text) -> \(outcome.results.map(\.id)), confident \(outcome.confident)",
      sourceLocation: sourceLocation)
  }

  @Test(arguments: captures.map(\.file))
  func theScannedBrokerLogCountsEachEntryUnderItsGuide(file: String) throws {
    let expected = try #require(Self.captures.first { $0.file == file })
    let counts = ScanSupport.counts(ScanSupport.scan(try Self.brokerLog(file)))
    for (guide, least) in expected.guides {
      #expect(
        (counts[guide] ?? 0) >= least,
        "\(file): \(guide) \(counts[guide] ?? 0) of \(least); \(counts)")
    }
  }

  /// The alarm's first line alone, and pasted with its banner, name the alarm's guide.
  @Test func theAlarmLinesNameTheirGuides() throws {
    for (file, guide, marker) in [
      ("alarm-memory.txt", "memory-alarm", "memory resource limit alarm set on node"),
      ("alarm-disk.txt", "disk-alarm", "disk resource limit alarm set on node"),
    ] {
      let lines = try Self.brokerLog(file).split(separator: "\n").map(String.init)
      let start = try #require(lines.firstIndex { $0.contains(marker) }, "\(file)")
      Self.expectNames(guide, lines[start])
      Self.expectNames(guide, lines[start...].prefix(6).joined(separator: "\n"))
    }
    let json = try Self.brokerLog("fd-limit-json.txt").split(separator: "\n").map(String.init)
    let fd = try #require(json.first { $0.contains("file descriptor limit alarm set") })
    #expect(fd.hasPrefix("{\"time\":"))
    Self.expectNames("file-descriptor-limit", fd)
    let memory = try #require(json.first { $0.contains("memory resource limit alarm set") })
    Self.expectNames("memory-alarm", memory)
  }

  /// A blocked publisher's exception and pika's notice of `connection.blocked`.
  @Test func theBlockedPublisherNamesPublishersBlocked() throws {
    for file in ["alarm-memory.txt", "alarm-disk.txt"] {
      let client = try Self.sections(file).filter { $0.heading.hasPrefix("client: ") }.flatMap(
        \.lines)
      let notice = try #require(client.first { $0.contains("Connection.Blocked") }, "\(file)")
      Self.expectNames("publishers-blocked", notice)
      let timeout = try #require(
        client.first { $0.contains("] pika.exceptions.ConnectionBlockedTimeout") }, "\(file)")
      Self.expectNames(
        "publishers-blocked", timeout.replacing(#/^\d\d:\d\d:\d\d \[\d+\] /#, with: ""))
    }
  }

  /// Every limit's refusal, on the broker's side and as pika raised it.
  @Test func everyLimitRefusalNamesConnectionLimits() throws {
    let sections = try Self.sections("limits.txt")
    let refusals = sections.filter { $0.heading.hasPrefix("client: ") }.compactMap { section in
      section.lines.first { $0.contains("] pika.exceptions.") }
    }
    #expect(refusals.count == 5, "\(refusals)")
    for line in refusals {
      Self.expectNames("connection-limits", line.replacing(#/^\d\d:\d\d:\d\d \[\d+\] /#, with: ""))
    }
    let log = try Self.brokerLog("limits.txt").split(separator: "\n").map(String.init)
    let reasons = log.enumerated().filter {
      $0.element.contains("[error]") && $0.element.hasSuffix(":")
    }
    .compactMap { index, _ in log.indices.contains(index + 1) ? log[index + 1] : nil }
    #expect(reasons.count == 5, "\(reasons)")
    for reason in reasons { Self.expectNames("connection-limits", reason) }
  }
}
