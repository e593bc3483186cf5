/// Why an answer cannot be given.
public enum SessionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The session has already ended.
  case finished
  /// The answer is not one of the question's choices.
  case unknownChoice(question: String, answer: String, choices: [String])
  /// There is no step to go back to.
  case nothingToUndo
  /// The guide's tree names a question that does not exist (lint reports it first).
  case missingQuestion(node: String, question: String)

  public var description: String {
    switch self {
    case .finished: "the troubleshooter has already reached its outcome"
    case .unknownChoice(let question, let answer, let choices):
      "'\(answer)' is not an answer to '\(question)'; choose one of \((choices + [Answer.unknownID]).joined(separator: ", "))"
    case .nothingToUndo: "there is no earlier question to go back to"
    case .missingQuestion(let node, let question):
      "tree node '\(node)' asks '\(question)', which does not exist"
    }
  }
}
