import Foundation
import GuideKit
import TroubleshootingEngine

/// How the troubleshooter's outcome reads: as Markdown (rendered for the terminal, or written
/// as an incident note) and as JSON.
enum OutcomePresentation {
  /// The outcome as Markdown: the cause or causes with their steps, the trail, related errors
  /// and the FAQ.
  static func markdown(_ outcome: Outcome, named: String = "") -> String {
    var out = ""
    if outcome.isConclusive, let only = outcome.candidates.first {
      out += "# Likely cause: \(only.cause.title)\n\n"
    } else {
      out += "# \(outcome.candidates.count) possible causes\n\n"
      out +=
        "Some answers were \"I don't know\", so these causes are still possible, the likeliest first.\n\n"
    }
    out += "Guide: `\(outcome.guide.id)`, \(outcome.guide.title).\n\n"
    out += named
    for (number, candidate) in outcome.candidates.enumerated() {
      let heading =
        outcome.isConclusive ? "What it means" : "\(number + 1). \(candidate.cause.title)"
      out += "## \(heading)\n\n\(candidate.explanation)\n\n"
      out += "### What to do\n\n"
      for (index, step) in candidate.steps.enumerated() {
        out += "#### \(index + 1). \(step.step.title)\n\n\(step.markdown)\n\n"
      }
    }
    out += trailMarkdown(outcome.trail)
    if !outcome.related.isEmpty {
      out += "## Related errors\n\n"
      for related in outcome.related { out += "- `\(related.id)`: \(related.how)\n" }
      out += "\n"
    }
    if !outcome.faq.isEmpty {
      out += "## FAQ\n\n"
      for entry in outcome.faq { out += "### \(entry.question)\n\n\(entry.answer)\n\n" }
    }
    return out
  }

  /// The questions and answers, with the evidence of those the facts answered.
  static func trailMarkdown(_ trail: [TrailStep]) -> String {
    guard !trail.isEmpty else { return "" }
    var out = "## How we got here\n\n"
    for step in trail {
      out += "- \(step.questionText) **\(step.answerLabel)**"
      if let suggestion = step.suggestion {
        out += " (from the diagnostics: `\(suggestion.rule)`)"
        if let fact = suggestion.facts.first {
          out += "\n  - seen in \(fact.source):"
          for line in fact.evidence.prefix(3) {
            out += "\n    `\(line.replacingOccurrences(of: "`", with: "'"))`"
          }
          if suggestion.facts.count > 1 {
            out += "\n  - and in \(suggestion.facts.count - 1) more capture(s)"
          }
        }
      }
      out += "\n"
    }
    return out + "\n"
  }

  /// The incident note `--report` writes: the error, the answers and evidence, the outcome.
  static func report(_ outcome: Outcome, error: String?, named: String = "", date: Date = Date())
    -> String
  {
    var out = "# Incident note: \(outcome.guide.title)\n\n"
    out += "Written by rmq-doctor on \(ISO8601DateFormatter().string(from: date)).\n\n"
    if let error, !error.isEmpty {
      out +=
        "## Error seen\n\n```text\n\(error.trimmingCharacters(in: .whitespacesAndNewlines))\n```\n\n"
    }
    var body = markdown(outcome, named: named)
    // The note's own title is the first heading; the outcome's title becomes a section.
    if body.hasPrefix("# ") { body = "#" + body }
    return out + body
  }
}
