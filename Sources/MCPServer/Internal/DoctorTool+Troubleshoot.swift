import GuideKit
import MCP
import TroubleshootingEngine

extension DoctorTool {
  /// `troubleshoot`: one step of a guide's decision tree, from the answers so far.
  static let troubleshoot = DoctorTool(
    name: "troubleshoot",
    description: """
      Walk a guide's decision tree. Stateless: give the guide and every answer so far, as \
      question id to answer id; get back the next question (with its choices and why it \
      matters) or, once the tree ends, the outcome (causes with resolution steps, exactly what \
      'rmq-doctor wizard ID --answers ... --json' prints). Answer 'unknown' when the user does \
      not know. To go back, drop answers.
      """,
    properties: [
      "guide": .object(["type": "string", "description": "The guide's id."]),
      "answers": .object([
        "type": "object", "additionalProperties": .object(["type": "string"]),
        "description": "The answers so far: question id to answer id.",
      ]),
    ],
    required: ["guide"]
  ) { arguments, toolbox in
    let guide = try toolbox.guide(
      try arguments.requiredString("guide"), tool: arguments.tool, argument: "guide")
    let answers = ScriptedAnswers(try arguments.stringMap("answers") ?? [:])
    var session: TroubleshootingSession
    do {
      try answers.check(against: guide)
      session = try TroubleshootingSession(guide: guide, library: toolbox.library)
      try session.apply(answers)
    } catch {
      throw ToolError(tool: arguments.tool, argument: "answers", "\(error)")
    }
    if let outcome = session.outcome {
      return ToolAnswer(
        TroubleshootStep(guide: guide.id, status: "outcome", outcome: OutcomeReport(outcome)))
    }
    guard let pending = session.pending else {
      throw ToolError(tool: arguments.tool, "the session has neither a question nor an outcome")
    }
    let question = pending.question
    return ToolAnswer(
      TroubleshootStep(
        guide: guide.id, status: "question",
        question: .init(
          id: question.id, text: question.text, why: question.why, number: pending.number + 1,
          choices: question.answers.map { .init(id: $0.id, label: $0.label) }
            + [.init(id: Answer.unknownID, label: "I don't know")]),
        answered: session.trail.map {
          .init(question: $0.question, answer: $0.answer.id, label: $0.answerLabel)
        }))
  }
}

/// `troubleshoot`'s answer: the next question, or the outcome.
struct TroubleshootStep: Encodable {
  struct Choice: Encodable {
    var id: String
    var label: String
  }
  struct PendingQuestion: Encodable {
    var id: String
    var text: String
    var why: String
    var number: Int
    var choices: [Choice]
  }
  struct Answered: Encodable {
    var question: String
    var answer: String
    var label: String
  }
  var guide: String
  var status: String
  var question: PendingQuestion?
  var answered: [Answered]?
  var outcome: OutcomeReport?
}
