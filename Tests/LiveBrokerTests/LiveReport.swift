import Foundation

/// What the live broker wrote and what `rmq-doctor` answered, one paragraph per scenario:
/// printed, and written to `artefacts/live-broker-report.md` for the issue's note.
enum LiveReport {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var paragraphs: [String: String] = [:]

  static let file = LiveBroker.repository.appendingPathComponent("artefacts/live-broker-report.md")

  /// Records `paragraph` under `title` and rewrites the report file, scenarios in title order.
  static func record(_ title: String, _ paragraph: String) {
    lock.lock()
    defer { lock.unlock() }
    paragraphs[title] = paragraph
    print("live broker: \(title)\n\(paragraph)")
    let text = paragraphs.keys.sorted().map { "### \($0)\n\n\(paragraphs[$0] ?? "")" }
      .joined(separator: "\n\n")
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? ("# Live broker run\n\n" + text).write(to: file, atomically: true, encoding: .utf8)
  }

  /// A finding of `diagnose --json` in one line: its message, guide, cause and fact.
  static func describe(_ finding: [String: Any]?) -> String {
    guard let finding else { return "no finding" }
    let cause = (finding["cause"] as? String).map { ", cause \($0)" } ?? ""
    return "\(finding["message"] as? String ?? "") -> \(finding["guide"] as? String ?? "")\(cause)"
      + " (fact \(finding["fact"] as? String ?? ""))"
  }

  /// A fenced block of `lines`.
  static func block(_ lines: [String]) -> String {
    "```text\n" + lines.joined(separator: "\n") + "\n```\n"
  }
}
