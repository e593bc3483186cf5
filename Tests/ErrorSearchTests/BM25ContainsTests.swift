import Testing

@testable import ErrorSearch

/// `BM25.contains` (a binary search of a word's postings) says what the documents' own word
/// counts say, for every word and every document; and the reason a result gives names the
/// words its guide holds.
@Suite struct BM25ContainsTests {
  static let documents = (0..<40).map { number in
    SearchDocument(
      id: "guide-\(number)", title: "Guide \(number)",
      summary: number % 3 == 0 ? "heartbeat timeout" : "",
      signatures: number % 5 == 0 ? ["reset by peer \(number)"] : [],
      body: (0...number).map { "word\($0 % 7) other\($0 % 11)" }.joined(separator: " "))
  }

  @Test func containsAgreesWithTheWordCountsOfEveryDocument() {
    let index = SearchIndex(documents: Self.documents)
    let documents = index.documents
    for (number, word) in index.vocabulary.words.enumerated() {
      for (document, prepared) in documents.enumerated() {
        #expect(
          index.bm25.contains(number, in: document) == (prepared.termCounts[word] != nil),
          "\(word) in \(document)")
      }
    }
    #expect(!index.bm25.contains(-1, in: 0))
    #expect(!index.bm25.contains(index.vocabulary.count + 5, in: 0))
  }

  @Test func theReasonNamesTheSharedWordsOfTheGuide() throws {
    let index = SearchIndex(documents: Self.documents)
    let outcome = index.search("heartbeat timeout word3 nothingelse", limit: 40)
    let hit = try #require(outcome.results.first { $0.id == "guide-3" })
    #expect(hit.reason == "shares the words: heartbeat, timeout, word3")
    // Every listed guide names exactly the query's words it holds, in the query's order.
    let documents = Dictionary(uniqueKeysWithValues: index.documents.map { ($0.id, $0) })
    for result in outcome.results {
      let held = ["heartbeat", "timeout", "word3", "nothingelse"].filter {
        documents[result.id]?.termCounts[$0] != nil
      }
      #expect(result.reason == "shares the words: " + held.joined(separator: ", "), "\(result.id)")
    }
    #expect(outcome.results.count > 1)
  }
}
