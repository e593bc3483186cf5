import Foundation
import Testing

/// What `rmq-doctor search --json` answered for one pasted text.
struct SearchAnswer {
  var text: String
  var run: Program.Run
  /// The top result's guide id.
  var guide: String?
  var confident: Bool
  /// The top result's reason, such as `matches the message "..."`.
  var reason: String

  init(_ text: String) throws {
    self.text = text
    run = try LiveBroker.doctor(["search", text, "--json"])
    let object = try LiveBroker.object(run)
    let top = (object["results"] as? [[String: Any]])?.first
    guide = top?["id"] as? String
    confident = object["confident"] as? Bool ?? false
    reason = top?["reason"] as? String ?? ""
  }

  /// Expects a confident answer naming `expected` first.
  func expectNames(
    _ expected: String, _ context: CustomStringConvertible,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      guide == expected, "\(context): search \(text)\n\(run.stdout)", sourceLocation: sourceLocation
    )
    #expect(
      confident && run.status == 0, "\(context): not confident for \(text)\n\(run.stdout)",
      sourceLocation: sourceLocation)
  }

  /// One line for the report.
  var summary: String { "\(guide ?? "nothing") (confident: \(confident)): \(reason)" }

  /// Searches each pasted text, expecting its guide, and returns the answers as report lines.
  static func expectAll(
    _ pasted: [(label: String, text: String, guide: String)], _ context: CustomStringConvertible,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    var report = ""
    for (label, text, guide) in pasted {
      let answer = try SearchAnswer(text)
      answer.expectNames(guide, "\(context), \(label)", sourceLocation: sourceLocation)
      report += "`rmq-doctor search <\(label)> --json`: \(answer.summary)\n\n"
    }
    return report
  }

  /// A scan's count of each guide, from `rmq-doctor scan --json`.
  static func scanCounts(_ run: Program.Run) throws -> [String: Int] {
    let guides = try LiveBroker.object(run)["guides"] as? [[String: Any]] ?? []
    return Dictionary(guides.map { ($0["id"] as? String ?? "", $0["count"] as? Int ?? 0) }) {
      $0 + $1
    }
  }
}
