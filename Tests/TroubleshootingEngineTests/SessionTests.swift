import GuideKit
import Testing

@testable import TroubleshootingEngine

/// The engine on the fixture guide `alpha`: first `heartbeat-off` (yes -> heartbeats-off,
/// no -> second), then `alpha-local` (yes -> something-else, no -> heartbeats-off).
@Suite struct SessionTests {
  let library: ContentLibrary
  let alpha: Guide

  init() throws {
    library = try ContentPaths.library(ContentPaths.fixture)
    alpha = try #require(library.guide("alpha"))
  }

  func heartbeatFact(_ value: Double) -> Fact {
    Fact(
      id: "heartbeat-zero-connections", value: value,
      evidence: ["127.0.0.1:41000 -> 127.0.0.1:5672\t0\trunning"], source: "list-connections:live")
  }

  @Test func answersLeadToOneCauseWithItsStepsAndTrail() throws {
    var session = try TroubleshootingSession(guide: alpha, library: library)
    #expect(session.pending?.question.id == "heartbeat-off")
    try session.answer("no")
    #expect(session.pending?.question.id == "alpha-local")
    try session.answer("yes")
    let outcome = try #require(session.outcome)
    #expect(outcome.isConclusive)
    #expect(outcome.candidates.first?.cause.id == "something-else")
    #expect(outcome.candidates.first?.explanation == "Other things.")
    #expect(outcome.candidates.first?.steps.map(\.step.id) == ["look-elsewhere"])
    #expect(outcome.trail.map(\.answer) == [.choice("no"), .choice("yes")])
    #expect(outcome.trail.map(\.answerLabel) == ["No", "Yes"])
    #expect(outcome.related.map(\.id) == ["beta"])
  }

  @Test func backAsksTheQuestionAgain() throws {
    var session = try TroubleshootingSession(guide: alpha, library: library)
    try session.answer("no")
    try session.answer("no")
    #expect(session.outcome?.candidates.map(\.cause.id) == ["heartbeats-off"])
    try session.back()
    #expect(session.pending?.question.id == "alpha-local")
    try session.back(to: 0)
    #expect(session.pending?.question.id == "heartbeat-off")
    #expect(session.trail.isEmpty)
    #expect(throws: SessionError.nothingToUndo) { try session.back() }
    try session.answer("yes")
    #expect(session.outcome?.candidates.map(\.cause.id) == ["heartbeats-off"])
  }

  @Test func dontKnowKeepsEveryCauseInPlayAndRanksThem() throws {
    var session = try TroubleshootingSession(guide: alpha, library: library)
    try session.answer("unknown")
    // The "no" branch still has a question to ask.
    #expect(session.pending?.question.id == "alpha-local")
    try session.answer("yes")
    let outcome = try #require(session.outcome)
    #expect(!outcome.isConclusive)
    #expect(outcome.candidates.map(\.cause.id) == ["heartbeats-off", "something-else"])
    #expect(outcome.candidates.map(\.unknownsOnPath) == [1, 1])
    #expect(outcome.trail.map(\.answerLabel) == ["I don't know", "Yes"])
  }

  @Test func factsSuggestAnAnswerWithEvidenceAndCanBeOverridden() throws {
    var session = try TroubleshootingSession(
      guide: alpha, library: library, facts: [heartbeatFact(3)])
    let suggestion = try #require(session.pending?.suggestion)
    #expect(suggestion.answer == "yes")
    #expect(suggestion.rule == "heartbeat-zero-connections > 0")
    #expect(suggestion.facts.first?.evidence == ["127.0.0.1:41000 -> 127.0.0.1:5672\t0\trunning"])
    // Shown, not applied: the question is still pending until accepted or overridden.
    #expect(session.trail.isEmpty)
    var accepted = session
    #expect(try accepted.acceptSuggestion())
    #expect(accepted.trail.first?.suggestion == suggestion)
    #expect(accepted.outcome?.candidates.map(\.cause.id) == ["heartbeats-off"])
    try session.answer("no")
    #expect(session.trail.first?.suggestion == nil)
    #expect(session.pending?.question.id == "alpha-local")
  }

  @Test func aFactThatDoesNotHoldSuggestsNothing() throws {
    var session = try TroubleshootingSession(
      guide: alpha, library: library, facts: [heartbeatFact(0)])
    #expect(session.pending?.suggestion == nil)
    #expect(try session.acceptSuggestion() == false)
  }

  @Test func wrongAnswersAreRefusedWithTheChoices() throws {
    var session = try TroubleshootingSession(guide: alpha, library: library)
    #expect(
      throws: SessionError.unknownChoice(
        question: "heartbeat-off", answer: "maybe", choices: ["yes", "no"])
    ) {
      try session.answer("maybe")
    }
    try session.answer("yes")
    #expect(throws: SessionError.finished) { try session.answer("yes") }
  }

  @Test func theSameAnswersGiveTheSameOutcome() throws {
    func run() throws -> [String] {
      var session = try TroubleshootingSession(
        guide: alpha, library: library, facts: [heartbeatFact(1)])
      try session.answer("unknown")
      try session.answer("unknown")
      return session.outcome?.candidates.map(\.cause.id) ?? []
    }
    #expect(try run() == run())
  }
}
