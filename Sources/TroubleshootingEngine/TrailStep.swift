import GuideKit

/// One question of a session and how it was answered.
public struct TrailStep: Sendable, Hashable, Codable {
  /// The tree node that asked it.
  public var node: String
  /// The question's id.
  public var question: String
  /// The question as asked.
  public var questionText: String
  /// The answer.
  public var answer: Answer
  /// The answer as shown: the choice's label, or "I don't know".
  public var answerLabel: String
  /// Set when the answer came from facts rather than from the user.
  public var suggestion: Suggestion?
}

/// A question waiting for its answer.
public struct PendingQuestion: Sendable {
  /// The tree node that asks it.
  public var node: String
  /// The question, resolved from the guide's own or the shared ones.
  public var question: Question
  /// The answer the facts suggest, if any; never applied without being shown.
  public var suggestion: Suggestion?
  /// How many questions were answered before this one.
  public var number: Int
}
