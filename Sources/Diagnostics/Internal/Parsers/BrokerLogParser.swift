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

  /// As many whole example entries as fit, and the count when some are left out.
  static func evidence(_ guide: ScanReport.Guide) -> [String] {
    var lines: [String] = []
    var shown = 0
    for example in guide.examples {
      let entry = example.text.split(separator: "\n").map(String.init)
      let room = Evidence.lineLimit - (shown + 1 < guide.count ? 1 : 0)
      guard lines.count + entry.count <= room else { break }
      lines += entry.map(Evidence.clip)
      shown += 1
    }
    if shown < guide.count { lines.append("… \(guide.count) entries in all") }
    return lines
  }
}
