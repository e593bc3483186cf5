import Foundation

/// The terminal view of a scan: totals, then a table with small bar charts grouped as asked,
/// then the unclassified shapes and the files that could not be read.
public struct ScanPresentation: Sendable {
  /// The report shown.
  public let report: ScanReport
  /// The width of the lines, in columns.
  public let width: Int
  static let barWidth = 24
  static let shownRows = 15

  /// A view of `report` for lines of `width` columns.
  public init(report: ScanReport, width: Int) {
    self.report = report
    self.width = width
  }

  /// The totals, the table of `grouping`, the unclassified shapes and the unread files.
  public func text(by grouping: ScanGrouping) -> String {
    var lines = [summary(), ""]
    switch grouping {
    case .guide: lines += guides()
    case .hour: lines += hours()
    case .peer: lines += groups(.peer, title: "Entries by peer")
    case .subnet: lines += groups(.subnet, title: "Entries by client subnet")
    case .user: lines += groups(.user, title: "Entries by user")
    case .vhost: lines += groups(.vhost, title: "Entries by vhost")
    }
    lines += unclassified()
    let unread = report.files.filter { $0.error != nil }
    if !unread.isEmpty {
      lines += ["", "Not read to the end"] + unread.map { "  \($0.path): \($0.error ?? "")" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The totals in one sentence.
  public func summary() -> String {
    let files = report.files.filter { $0.error == nil || $0.lines > 0 }
    let lineCount = files.reduce(0) { $0 + $1.lines }
    let byteCount = files.reduce(0) { $0 + $1.bytes }
    var text =
      "Scanned \(Self.plural(files.count, "file")), \(Self.grouped(lineCount)) lines (\(Self.size(byteCount))): "
      + "\(Self.plural(report.entries, "entry", "entries")) at warning or worse, "
      + "\(Self.grouped(report.classified)) matched to \(Self.plural(report.guides.count, "guide")), "
      + "\(Self.grouped(report.unclassified)) unclassified."
    if report.since != nil || report.until != nil {
      text +=
        " Window \(report.since ?? "…") to \(report.until ?? "…"); "
        + "\(Self.grouped(report.outsideWindow)) outside it."
    }
    return text
  }

  func guides() -> [String] {
    guard !report.guides.isEmpty else { return ["No entry matched a guide."] }
    let most = report.guides.map(\.count).max() ?? 1
    let idWidth = report.guides.map(\.id.count).max() ?? 0
    let countWidth = report.guides.map { Self.grouped($0.count).count }.max() ?? 0
    var lines = ["Entries by guide"]
    for guide in report.guides {
      var line =
        "  " + Self.padded(guide.id, idWidth) + "  "
        + Self.leftPadded(Self.grouped(guide.count), countWidth)
        + "  " + Self.padded(Self.bar(guide.count, most), Self.barWidth)
      if let first = guide.firstSeen, let last = guide.lastSeen {
        line += "  " + Self.readable(first) + " → " + Self.readable(last)
      }
      lines.append(line)
      if let firstErrors = guide.firstErrors {
        // A follow-on error: what the connection logged before it is the error to read.
        let listed = firstErrors.prefix(3).map { "\($0.value) (\(Self.grouped($0.count)))" }.joined(
          separator: ", ")
        lines.append(Self.clipped("      first error on the same connection: \(listed)", width))
      }
      let tops: [(String, [ScanReport.Count])] = [
        ("peers", guide.topPeers), ("subnets", guide.topSubnets), ("users", guide.topUsers),
        ("vhosts", guide.topVhosts),
      ]
      for (name, counts) in tops where !counts.isEmpty {
        let listed = counts.prefix(3).map { "\($0.value) (\(Self.grouped($0.count)))" }.joined(
          separator: ", ")
        lines.append(Self.clipped("      \(name): \(listed)", width))
      }
    }
    lines += ["", "Per hour (UTC)"] + hourRows()
    return lines
  }

  func hours() -> [String] { ["Entries per hour (UTC)"] + hourRows(detailed: true) }

  func hourRows(detailed: Bool = false) -> [String] {
    guard !report.hours.isEmpty else { return ["  no entry has a time"] }
    let most = report.hours.map(\.count).max() ?? 1
    let countWidth = report.hours.map { Self.grouped($0.count).count }.max() ?? 0
    return report.hours.map { hour in
      var line =
        "  " + Self.readable(hour.hour).prefix(13) + ":00  "
        + Self.leftPadded(Self.grouped(hour.count), countWidth) + "  " + Self.bar(hour.count, most)
      if detailed {
        line =
          Self.padded(line, 24 + countWidth + Self.barWidth)
          + "  "
          + hour.guides.prefix(3).map { "\($0.value) \(Self.grouped($0.count))" }.joined(
            separator: ", ")
      }
      return Self.clipped(line, width)
    }
  }

  func groups(_ dimension: ScanDimension, title: String) -> [String] {
    let groups = report.groups(dimension)
    guard !groups.isEmpty else { return ["\(title)", "  no entry names one"] }
    let shown = groups.prefix(Self.shownRows)
    let most = shown.map(\.count).max() ?? 1
    let valueWidth = min(40, shown.map(\.value.count).max() ?? 0)
    let countWidth = shown.map { Self.grouped($0.count).count }.max() ?? 0
    var lines = [title]
    for group in shown {
      let line =
        "  " + Self.padded(group.value, valueWidth) + "  "
        + Self.leftPadded(Self.grouped(group.count), countWidth)
        + "  " + Self.padded(Self.bar(group.count, most), Self.barWidth) + "  "
        + group.guides.prefix(3).map { "\($0.value) \(Self.grouped($0.count))" }.joined(
          separator: ", ")
      lines.append(Self.clipped(line, width))
    }
    if groups.count > shown.count {
      lines.append("  … \(groups.count - shown.count) more (--json lists all)")
    }
    return lines
  }

  func unclassified() -> [String] {
    guard !report.unclassifiedShapes.isEmpty else { return [] }
    var lines = ["", "Unclassified, by shape (# stands for a number, … for a quoted value)"]
    let countWidth =
      report.unclassifiedShapes.prefix(Self.shownRows).map { Self.grouped($0.count).count }.max()
      ?? 0
    for shape in report.unclassifiedShapes.prefix(Self.shownRows) {
      let firstLine = shape.shape.split(separator: "\n").map {
        $0.trimmingPrefix(while: \.isWhitespace)
      }
      .prefix(2).joined(separator: " ⏎ ")
      lines.append(
        Self.clipped(
          "  " + Self.leftPadded(Self.grouped(shape.count), countWidth) + "  " + firstLine, width))
      lines.append(
        String(repeating: " ", count: countWidth + 4)
          + "first at \(shape.example.file):\(shape.example.line)")
    }
    let more =
      report.unclassifiedShapes.count - min(report.unclassifiedShapes.count, Self.shownRows)
    if more > 0 { lines.append("  … \(more) more shapes (--json lists all)") }
    if report.otherUnclassified > 0 {
      lines.append("  … and \(Self.grouped(report.otherUnclassified)) entries of further shapes")
    }
    return lines
  }

  static func bar(_ count: Int, _ most: Int) -> String {
    guard most > 0, count > 0 else { return "" }
    let eighths = max(1, count * barWidth * 8 / most)
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
    return String(repeating: "█", count: eighths / 8) + partial
  }

  /// `2026-11-23T04:45:36Z` as `2026-11-23 04:45:36`.
  static func readable(_ iso: String) -> String { LogTime.readable(iso8601: iso) }

  static func grouped(_ number: Int) -> String {
    let digits = String(number)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }

  static func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
    "\(grouped(count)) \(count == 1 ? one : many ?? one + "s")"
  }

  static func size(_ bytes: Int) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1000, unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    return unit == 0 ? "\(bytes) B" : "\((value * 10).rounded() / 10) \(units[unit])"
  }

  static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  static func leftPadded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  static func clipped(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
  }
}
