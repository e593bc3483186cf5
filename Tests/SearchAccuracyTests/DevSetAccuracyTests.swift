import ErrorSearch
import Foundation
import GuideKit
import TestSupport
import Testing

/// The search on the shipped guides, scored on `Tests/Fixtures/eval/dev-errors.jsonl`: real error
/// lines from public issue threads and documentation, each labelled with the guide that explains
/// it, or `other` for RabbitMQ errors no guide covers. The lines are used exactly as they are.
@Suite struct DevSetAccuracyTests {
  /// One labelled line of the dev set.
  struct Line: Decodable {
    var id: String
    var text: String
    var family: String
  }

  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func devSet() throws -> [Line] {
    let text = try Fixtures.text("dev-errors.jsonl", in: Fixtures.eval)
    return try text.split(separator: "\n").map {
      try JSONDecoder().decode(Line.self, from: Data($0.utf8))
    }
  }

  static func index() throws -> SearchIndex {
    let loaded = try ContentLoader.load(
      directory: repository.appendingPathComponent("Content").path)
    return SearchIndex(documents: loaded.library.searchDocuments)
  }

  @Test func topResultIsTheLabelledGuideForAtLeast95Percent() throws {
    let index = try Self.index()
    let labelled = try Self.devSet().filter { $0.family != "other" }
    try #require(labelled.count >= 20, "the dev set should hold labelled lines")
    var misses: [String] = []
    for line in labelled {
      let top = index.search(line.text).results.first?.id ?? "nothing"
      if top != line.family { misses.append("\(line.id): expected \(line.family), got \(top)") }
    }
    let accuracy = Double(labelled.count - misses.count) / Double(labelled.count)
    #expect(
      accuracy >= 0.95,
      "top-1 \(accuracy) on \(labelled.count) lines:\n\(misses.joined(separator: "\n"))")
  }

  @Test func noUncoveredErrorIsClaimedWithConfidence() throws {
    let index = try Self.index()
    let others = try Self.devSet().filter { $0.family == "other" }
    try #require(!others.isEmpty, "the dev set should hold lines no guide covers")
    for line in others {
      let outcome = index.search(line.text)
      #expect(!outcome.confident, "\(line.id) claimed by \(outcome.results.first?.id ?? "")")
    }
  }
}
