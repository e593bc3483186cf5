import Foundation
import GuideKit
import LogScan

/// Counts a broker log's error entries by guide with the same scanner as `rmq-doctor scan`.
///
/// Each fact the diagnostic declares counts the entries matched to its finding's guide, so
/// the catalogue, not this parser, says which guides a log diagnostic reports on. The
/// evidence shows a few of those entries. A log with no such entry gives 0, and so does
/// journalctl's `-- No entries --`.
enum BrokerLogParser {
  static func parse(
    _ lines: OutputLines, declared: [FactDeclaration], classifier: LogClassifier
  ) -> ParseOutcome {
    var source = MemorySource(Array(lines.all.joined(separator: "\n").utf8))
    let scanner = LogScanner(classifier: classifier)
    scanner.scan(&source, name: "log")
    let report = scanner.report()
    let findings = declared.compactMap { declaration -> Finding? in
      guard let guide = declaration.finding?.guide else { return nil }
      guard let found = report.guide(guide) else {
        return Finding(
          id: declaration.fact, value: 0,
          evidence: [
            "no entry matched the \(guide) guide among \(report.entries) entries at warning or worse"
              + " in \(lines.nonBlank.count) log lines"
          ])
      }
      return Finding(id: declaration.fact, value: Double(found.count), evidence: evidence(found))
    }
    return ParseOutcome(findings: findings)
  }

  /// As many of the latest entries as fit, oldest first, and the count when some are left out:
  /// a log runs oldest first, and the entries an incident is about come last.
  static func evidence(_ guide: ScanReport.Guide) -> [String] {
    var entries: [[String]] = []
    var lineCount = 0
    for example in guide.latest.reversed() {
      // The entry's lines without their timestamps, the first one after the entry's time.
      var text = example.text
      if let time = example.time { text = LogTime.readable(iso8601: time) + " " + text }
      let entry = text.split(separator: "\n").map { Evidence.clip(String($0)) }
      let room = Evidence.lineLimit - (entries.count + 1 < guide.count ? 1 : 0)
      guard lineCount + entry.count <= room else { break }
      entries.insert(entry, at: 0)
      lineCount += entry.count
    }
    var lines = entries.flatMap { $0 }
    if entries.count < guide.count { lines.append("… \(guide.count) entries in all") }
    return lines
  }
}
