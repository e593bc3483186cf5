import Foundation
import TroubleshootingEngine

/// What the user did at a question.
enum PromptReply: Equatable {
  /// Chose an answer: a choice's id, or `unknown`.
  case answer(String)
  /// Go back one question.
  case back
  /// Leave the wizard.
  case quit
}

/// Asks the wizard's questions: a full-screen menu on a terminal, numbered lines otherwise.
protocol Prompter {
  /// Asks `pending`; `canGoBack` is false at the first question.
  mutating func ask(_ pending: PendingQuestion, canGoBack: Bool) -> PromptReply
  /// Lets the user pick one of `options` (id and label) or none; nil for none or quit.
  /// `suggested` is the option Enter alone takes; with none, Enter alone chooses nothing.
  mutating func choose(_ title: String, _ options: [(id: String, label: String)], suggested: Int?)
    -> String?
  /// Reads a pasted error, ending at an empty line or end of input.
  mutating func readPaste(_ prompt: String) -> String
  /// Leaves the terminal as it was found.
  mutating func finish()
}

/// The choices of a question as the wizard offers them: the question's own, then "I don't know".
struct OfferedChoices {
  var ids: [String]
  var labels: [String]
  /// The index the facts suggest, if any.
  var suggested: Int?

  init(_ pending: PendingQuestion) {
    ids = pending.question.answers.map(\.id) + [Answer.unknownID]
    labels = pending.question.answers.map(\.label) + ["I don't know"]
    suggested = pending.suggestion.flatMap { suggestion in ids.firstIndex(of: suggestion.answer) }
  }

  /// The lines that show why the facts suggest an answer.
  static func evidenceLines(_ pending: PendingQuestion) -> [String] {
    guard let suggestion = pending.suggestion else { return [] }
    let label =
      pending.question.answers.first { $0.id == suggestion.answer }?.label ?? suggestion.answer
    var lines = ["The diagnostics suggest: \(label) (\(suggestion.rule))"]
    guard let first = suggestion.facts.first else { return lines }
    lines.append("  seen in \(first.source):")
    for line in first.evidence.prefix(3) { lines.append("  | \(line)") }
    if suggestion.facts.count > 1 {
      lines.append("  and in \(suggestion.facts.count - 1) more capture(s)")
    }
    return lines
  }
}
