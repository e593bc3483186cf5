import Foundation
import TestSupport
import Testing

/// `rmq-doctor wizard GUIDE --evidence DIR --answers ... --json` on the shipped content: the
/// causes it lands on, and its trail as `question=answer`, marked ` (evidence)` where the
/// evidence answered.
enum WizardWalk {
  static func walk(
    _ guide: String, evidence: String, answers: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (causes: [String], trail: [String]) {
    let run = try Binary.run([
      "wizard", guide, "--content", Binary.shippedContent, "--evidence", evidence, "--answers",
      answers, "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
      "\(run.stdout)",
      sourceLocation: sourceLocation)
    let causes = (object["causes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    let trail = (object["trail"] as? [[String: Any]] ?? []).map {
      "\($0["question"] as? String ?? "")=\($0["answer"] as? String ?? "")\($0["automatic"] as? Bool == true ? " (evidence)" : "")"
    }
    return (causes, trail)
  }
}

extension WizardWalk {
  /// A walk typed on a terminal: the keys, one per question, the cause's title and the titles of
  /// its steps.
  struct Typed: CustomTestStringConvertible, Sendable {
    var guide: String
    var keys: [String]
    var cause: String
    var steps: [String]
    var testDescription: String { "\(guide): \(cause)" }

    /// Types the keys into `rmq-doctor wizard GUIDE` under a pseudo-terminal and expects the cause
    /// and its steps on the screen, and the terminal restored. The wizard wraps its text, so the
    /// screen is compared with its runs of white space joined.
    func expectOutcome(sourceLocation: SourceLocation = #_sourceLocation) throws {
      let typed = keys.enumerated().map { (after: "Question \($0.offset + 1):", send: $0.element) }
      let session = try PseudoTerminal.interact(
        ["wizard", guide, "--content", Binary.shippedContent], keys: typed, columns: 120)
      #expect(session.status == 0, "\(session.screen)", sourceLocation: sourceLocation)
      let screen = WizardWalk.visible(session.screen)
      #expect(
        screen.contains("Likely cause: \(cause)"), "\(screen)", sourceLocation: sourceLocation)
      for step in steps {
        #expect(screen.contains(step), "missing step \(step)", sourceLocation: sourceLocation)
      }
      #expect(session.restored, sourceLocation: sourceLocation)
    }
  }

  /// The screen without its escape codes, with each run of white space (a wrapped line's end
  /// among them) as one space.
  static func visible(_ screen: String) -> String {
    screen.replacing(/\u{1B}\[[0-9;?]*[A-Za-z]/, with: "").replacing(/\s+/, with: " ")
  }
}
