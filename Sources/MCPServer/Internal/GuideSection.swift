import GuideKit

/// The parts of a guide `get_guide` returns alone.
enum GuideSection: String, CaseIterable {
  case causes, steps, faq, errors, diagnostics

  /// A cause with what the guide says of it.
  struct CauseAnswer: Encodable {
    var id: String
    var title: String
    var steps: [String]
    var explanation: String
  }

  /// A step with its Markdown.
  struct StepAnswer: Encodable {
    var id: String
    var title: String
    var markdown: String
  }

  /// The section's answer: `{id, section, <section>: [...]}`.
  struct Answer: Encodable {
    var id: String
    var section: String
    var cause: String?
    var causes: [CauseAnswer]?
    var steps: [StepAnswer]?
    var faq: [FAQEntry]?
    var errors: [ErrorSignature]?
    var diagnostics: [DiagnosticCommand]?
    var commands: [CommandBlock]?
  }

  func answer(for guide: Guide, cause causeID: String?, library: ContentLibrary, tool: String)
    throws -> Answer
  {
    var answer = Answer(id: guide.id, section: rawValue)
    let front = guide.frontMatter
    switch self {
    case .causes:
      answer.causes = front.causes.map {
        CauseAnswer(
          id: $0.id, title: $0.title, steps: $0.steps, explanation: guide.explanation(of: $0) ?? "")
      }
    case .steps:
      let ids = front.causes.map(\.id)
      guard let causeID else {
        throw ToolError(
          tool: tool, argument: "cause",
          "section steps needs a cause: one of \(ids.joined(separator: ", "))")
      }
      guard let cause = front.causes.first(where: { $0.id == causeID }) else {
        let hint =
          Suggestion.closest(to: causeID, among: ids).map { "did you mean '\($0)'? " } ?? ""
        throw ToolError(
          tool: tool, argument: "cause",
          "guide '\(guide.id)' has no cause '\(causeID.prefix(80))'; \(hint)the causes are \(ids.joined(separator: ", "))"
        )
      }
      answer.cause = cause.id
      answer.steps = cause.steps.compactMap { id in
        front.steps.first { $0.id == id }.map {
          StepAnswer(id: $0.id, title: $0.title, markdown: guide.text(of: $0) ?? "")
        }
      }
    case .faq: answer.faq = guide.body.faq
    case .errors: answer.errors = front.errors
    case .diagnostics:
      answer.diagnostics = (front.diagnostics ?? []).compactMap { library.diagnostic($0) }
      answer.commands = guide.body.commandBlocks
    }
    return answer
  }
}
