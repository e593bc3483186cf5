import GuideKit

/// What was answered to one question.
public enum Answer: Sendable, Hashable, Codable {
  /// One of the question's choices, by id.
  case choice(String)
  /// "I don't know": every answer stays possible.
  case unknown

  /// The id used by `--answers` and in JSON: the choice's id, or `unknown`.
  public var id: String {
    switch self {
    case .choice(let id): id
    case .unknown: Answer.unknownID
    }
  }

  /// The id that stands for "I don't know".
  public static let unknownID = "unknown"

  /// The answer an id stands for.
  public init(id: String) {
    self = id == Answer.unknownID ? .unknown : .choice(id)
  }
}

/// An answer the facts suggest, with the facts that suggest it.
public struct Suggestion: Sendable, Hashable, Codable {
  /// The choice the facts point to.
  public var answer: String
  /// The facts that satisfied the rule, each with its evidence.
  public var facts: [Fact]
  /// The rule, as a person reads it: `heartbeat-zero-connections > 0`.
  public var rule: String
}
