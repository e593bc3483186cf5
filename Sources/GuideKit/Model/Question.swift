/// A question the troubleshooter asks, shared between guides or local to one.
public struct Question: Codable, Sendable, Hashable {
  /// The schema version; required in shared question files.
  public var schema: Int?
  /// A kebab-case id, unique across shared and local questions.
  public var id: String
  /// The question as asked.
  public var text: String
  /// Why the answer matters, in Markdown.
  public var why: String
  /// Diagnostics that help answer it.
  public var diagnostics: [String]?
  /// The choices, at least two.
  public var answers: [AnswerChoice]
  /// Rules that answer the question from diagnostic facts.
  public var auto: [AutoAnswerRule]?
}

/// One choice of a question.
public struct AnswerChoice: Codable, Sendable, Hashable {
  /// The answer's id, used by trees and `--answers`.
  public var id: String
  /// The text shown for it.
  public var label: String
}

/// A rule that picks an answer when a fact compares true against a value.
public struct AutoAnswerRule: Codable, Sendable, Hashable {
  /// The answer it picks.
  public var answer: String
  /// The fact it reads.
  public var fact: String
  /// The comparison.
  public var op: Comparison
  /// The value the fact is compared with.
  public var value: Double
}

/// The comparisons an auto-answer rule can make.
public enum Comparison: String, Codable, Sendable, CaseIterable {
  case gt, ge, lt, le, eq, ne

  /// Whether `lhs op rhs` holds.
  public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
    switch self {
    case .gt: lhs > rhs
    case .ge: lhs >= rhs
    case .lt: lhs < rhs
    case .le: lhs <= rhs
    case .eq: lhs == rhs
    case .ne: lhs != rhs
    }
  }
}
