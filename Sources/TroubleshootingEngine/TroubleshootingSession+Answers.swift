import GuideKit

/// Answers given up front by question id, as `rmq-doctor wizard --answers q=a,...` and the MCP
/// server's `troubleshoot` tool give them.
public struct ScriptedAnswers: Sendable, Equatable {
  /// The answer id for each question id.
  public var byQuestion: [String: String]

  /// The answers, by question id.
  public init(_ byQuestion: [String: String]) { self.byQuestion = byQuestion }

  /// Why scripted answers cannot be used.
  public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The guide's tree never asks this question.
    case strayQuestion(guide: String, question: String, closest: String?)
    /// An answer that the question does not offer, or another session error.
    case session(SessionError)

    public var description: String {
      switch self {
      case .strayQuestion(let guide, let question, let closest):
        "guide '\(guide)' asks no question '\(question)'"
          + (closest.map { "; did you mean '\($0)'?" } ?? "")
      case .session(let error): error.description
      }
    }
  }

  /// Fails on the first question (in name order) that `guide`'s tree never asks.
  public func check(against guide: Guide) throws(Problem) {
    let asked = Set(guide.frontMatter.tree.nodes.map(\.question))
    if let stray = byQuestion.keys.sorted().first(where: { !asked.contains($0) }) {
      throw .strayQuestion(
        guide: guide.id, question: stray,
        closest: GuideKit.Suggestion.closest(to: stray, among: Array(asked)))
    }
  }
}

extension TroubleshootingSession {
  /// Answers each question in turn with its scripted answer, else with the answer the facts
  /// suggest; stops at the first question that has neither, which stays pending, or at the
  /// outcome.
  public mutating func apply(_ answers: ScriptedAnswers) throws(ScriptedAnswers.Problem) {
    do throws(SessionError) {
      while let pending {
        if let choice = answers.byQuestion[pending.question.id] {
          try self.answer(choice)
        } else if try !acceptSuggestion() {
          return
        }
      }
    } catch {
      throw .session(error)
    }
  }
}
