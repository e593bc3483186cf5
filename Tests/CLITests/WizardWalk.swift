import Foundation
import TestSupport
import Testing

/// `rmq-doctor wizard GUIDE --evidence DIR --answers ... --json` on the shipped content: the
/// causes it lands on, and its trail as `question=answer`, marked ` (evidence)` where the
/// evidence answered.
enum WizardWalk {
  static func walk(
    _ guide: String, evidence: String, answers: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (causes: [String], trail: [String]) {
    let run = try Binary.run([
      "wizard", guide, "--content", Binary.shippedContent, "--evidence", evidence, "--answers", answers, "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)",
      sourceLocation: sourceLocation)
    let causes = (object["causes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    let trail = (object["trail"] as? [[String: Any]] ?? []).map {
      "\($0["question"] as? String ?? "")=\($0["answer"] as? String ?? "")\($0["automatic"] as? Bool == true ? " (evidence)" : "")"
    }
    return (causes, trail)
  }
}
