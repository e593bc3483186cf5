import GuideKit
import Testing

@testable import TroubleshootingEngine

/// Every shipped guide's tree, walked along every path of definite answers, and with
/// "I don't know" at every question.
@Suite struct EveryTreeTests {
  static let loaded = Result { try ContentPaths.library(ContentPaths.shipped) }
  let library: ContentLibrary

  init() throws { library = try Self.loaded.get() }

  /// The shipped guides' ids; none when the content does not load, which `contentLoads` reports.
  static var guideIDs: [String] { (try? loaded.get())?.guides.map(\.id) ?? [] }

  @Test func contentLoads() throws {
    #expect(try !Self.loaded.get().guides.isEmpty)
  }

  /// Every outcome reachable with definite answers, and the longest path to one.
  func walkEveryPath(_ guide: Guide) throws -> (causes: Set<String>, paths: Int, longest: Int) {
    var causes: Set<String> = []
    var paths = 0
    var longest = 0
    var stack = [try TroubleshootingSession(guide: guide, library: library)]
    while let session = stack.popLast() {
      if let outcome = session.outcome {
        #expect(
          outcome.isConclusive,
          "\(guide.id): \(outcome.trail.map(\.answer.id)) ends in \(outcome.candidates.count) causes"
        )
        causes.formUnion(outcome.candidates.map(\.cause.id))
        paths += 1
        longest = max(longest, outcome.trail.count)
        continue
      }
      let pending = try #require(session.pending)
      // A path can never ask more questions than the tree has nodes: it terminates.
      try #require(session.trail.count < guide.frontMatter.tree.nodes.count, "\(guide.id) loops")
      for choice in pending.question.answers {
        var next = session
        try next.answer(choice.id)
        stack.append(next)
      }
    }
    return (causes, paths, longest)
  }

  @Test(arguments: guideIDs)
  func everyCauseIsReachedAndEveryPathEnds(id: String) throws {
    let guide = try #require(library.guide(id))
    let walked = try walkEveryPath(guide)
    let declared = Set(guide.frontMatter.causes.map(\.id))
    #expect(walked.causes == declared, "\(id): unreachable \(declared.subtracting(walked.causes))")
    #expect(walked.paths >= declared.count)
  }

  @Test(arguments: guideIDs)
  func notKnowingAnythingKeepsEveryCause(id: String) throws {
    let guide = try #require(library.guide(id))
    var session = try TroubleshootingSession(guide: guide, library: library)
    var asked = 0
    while session.pending != nil {
      try session.answer(Answer.unknownID)
      asked += 1
      try #require(asked <= guide.frontMatter.tree.nodes.count, "\(id) asks a question twice")
    }
    let outcome = try #require(session.outcome)
    #expect(Set(outcome.candidates.map(\.cause.id)) == Set(guide.frontMatter.causes.map(\.id)))
    for candidate in outcome.candidates {
      #expect(!candidate.explanation.isEmpty, "\(id): \(candidate.cause.id) has no explanation")
      #expect(
        !candidate.steps.isEmpty && candidate.steps.allSatisfy { !$0.markdown.isEmpty },
        "\(id): \(candidate.cause.id) steps")
    }
  }

  @Test(arguments: guideIDs)
  func goingBackReturnsToTheSameQuestion(id: String) throws {
    let guide = try #require(library.guide(id))
    var session = try TroubleshootingSession(guide: guide, library: library)
    var asked: [String] = []
    while let pending = session.pending {
      asked.append(pending.question.id)
      try session.answer(try #require(pending.question.answers.last).id)
    }
    for index in stride(from: asked.count - 1, through: 0, by: -1) {
      try session.back(to: index)
      #expect(session.pending?.question.id == asked[index])
    }
  }
}
