import GuideKit

/// A walk through one guide's decision tree: the question now asked, the answers so far, and
/// back to any earlier step.
///
/// Pure and deterministic: the state is recomputed from the guide, the facts and the trail
/// alone, so a session can be replayed, undone to any step and tested by enumerating answers.
/// "I don't know" keeps every branch of a question in play: their questions are asked in turn,
/// and the outcome lists every cause still possible, those with fewer unknowns on their way
/// first.
public struct TroubleshootingSession: Sendable {
  /// Where the session stands.
  public enum State: Sendable {
    /// A question waits for its answer.
    case asking(PendingQuestion)
    /// The tree has no more questions.
    case finished(Outcome)
  }

  /// The guide walked.
  public let guide: Guide
  /// The facts diagnostics established; they suggest answers, never impose them.
  public let facts: [Fact]
  /// The answers so far, in order.
  public private(set) var trail: [TrailStep] = []
  /// The current question or the outcome.
  public private(set) var state: State

  private let library: ContentLibrary

  /// Starts at the root of `guide`'s tree.
  public init(guide: Guide, library: ContentLibrary, facts: [Fact] = []) throws(SessionError) {
    self.guide = guide
    self.library = library
    self.facts = facts
    state = .finished(Outcome(guide: guide, candidates: [], trail: []))
    state = try replay()
  }

  /// The question waiting for an answer, if the session has not ended.
  public var pending: PendingQuestion? {
    if case .asking(let pending) = state { return pending }
    return nil
  }

  /// The outcome, once the session has ended.
  public var outcome: Outcome? {
    if case .finished(let outcome) = state { return outcome }
    return nil
  }

  /// Answers the current question with the choice `id`, or "I don't know" for `unknown`.
  public mutating func answer(_ id: String) throws(SessionError) {
    guard let pending else { throw .finished }
    let answer = Answer(id: id)
    if case .choice(let choice) = answer,
      !pending.question.answers.contains(where: { $0.id == choice })
    {
      throw .unknownChoice(
        question: pending.question.id, answer: id, choices: pending.question.answers.map(\.id))
    }
    try record(answer, suggestion: nil, for: pending)
  }

  /// Takes the answer the facts suggest for the current question.
  /// Returns false, and changes nothing, when there is no suggestion.
  @discardableResult
  public mutating func acceptSuggestion() throws(SessionError) -> Bool {
    guard let pending else { throw .finished }
    guard let suggestion = pending.suggestion else { return false }
    try record(.choice(suggestion.answer), suggestion: suggestion, for: pending)
    return true
  }

  /// Takes back the last answer.
  public mutating func back() throws(SessionError) {
    guard !trail.isEmpty else { throw .nothingToUndo }
    try back(to: trail.count - 1)
  }

  /// Takes back every answer from step `index` (counted from 0) on, so that its question is
  /// asked again.
  public mutating func back(to index: Int) throws(SessionError) {
    guard index >= 0, index < trail.count else { throw .nothingToUndo }
    trail.removeSubrange(index...)
    state = try replay()
  }

  private mutating func record(
    _ answer: Answer, suggestion: Suggestion?, for pending: PendingQuestion
  ) throws(SessionError) {
    let label: String
    switch answer {
    case .choice(let id): label = pending.question.answers.first { $0.id == id }?.label ?? id
    case .unknown: label = "I don't know"
    }
    trail.append(
      TrailStep(
        node: pending.node, question: pending.question.id, questionText: pending.question.text,
        answer: answer, answerLabel: label, suggestion: suggestion))
    state = try replay()
  }

  /// The state the trail leads to.
  private func replay() throws(SessionError) -> State {
    var walk = TreeWalk(tree: guide.frontMatter.tree)
    for step in trail {
      guard let node = walk.peek() else { break }
      walk.apply(step.answer, at: node, choiceOrder: try question(for: node).answers.map(\.id))
    }
    if let node = walk.peek() {
      let question = try question(for: node)
      return .asking(
        PendingQuestion(
          node: node.id, question: question, suggestion: suggestion(for: question),
          number: trail.count))
    }
    return .finished(Outcome(guide: guide, candidates: candidates(walk.causes), trail: trail))
  }

  private func question(for node: TreeNode) throws(SessionError) -> Question {
    guard let question = library.question(node.question, in: guide) else {
      throw .missingQuestion(node: node.id, question: node.question)
    }
    return question
  }

  /// The first auto-answer rule of `question` that a fact satisfies.
  func suggestion(for question: Question) -> Suggestion? {
    for rule in question.auto ?? [] {
      let matching = facts.filter { $0.id == rule.fact && rule.op.holds($0.value, rule.value) }
      if !matching.isEmpty {
        return Suggestion(answer: rule.answer, facts: matching, rule: rule.description)
      }
    }
    return nil
  }

  private func candidates(_ reached: [(cause: String, unknowns: Int)]) -> [Outcome.Candidate] {
    let ranked = reached.enumerated().sorted {
      ($0.element.unknowns, $0.offset) < ($1.element.unknowns, $1.offset)
    }
    return ranked.compactMap { entry in
      guard let cause = guide.frontMatter.causes.first(where: { $0.id == entry.element.cause })
      else { return nil }
      let steps = cause.steps.compactMap { id in
        guide.frontMatter.steps.first { $0.id == id }.map {
          (step: $0, markdown: guide.text(of: $0) ?? "")
        }
      }
      return Outcome.Candidate(
        cause: cause, unknownsOnPath: entry.element.unknowns,
        explanation: guide.explanation(of: cause) ?? "", steps: steps)
    }
  }
}

extension AutoAnswerRule {
  /// The rule as a person reads it: `heartbeat-zero-connections > 0`.
  public var description: String {
    let symbol =
      switch op {
      case .gt: ">"
      case .ge: ">="
      case .lt: "<"
      case .le: "<="
      case .eq: "="
      case .ne: "!="
      }
    let number = value == value.rounded() ? String(Int(value)) : String(value)
    return "\(fact) \(symbol) \(number)"
  }
}
