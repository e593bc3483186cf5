import Foundation

/// Okapi BM25 over a fixed set of documents, with an inverted index so that a query costs
/// only the postings of its own words.
struct BM25: Sendable {
  private struct Posting: Sendable {
    var document: Int
    var count: Double
  }

  /// Indexed by word number.
  private let postings: [[Posting]]
  private let lengths: [Double]
  private let averageLength: Double
  private let k1 = 1.2
  private let b = 0.75

  /// Indexes `documents`, numbering their words in `vocabulary`.
  init(documents: [PreparedDocument], vocabulary: inout Vocabulary) {
    var postings: [[Posting]] = []
    for (index, document) in documents.enumerated() {
      for (word, count) in document.termCounts {
        let number = vocabulary.add(word)
        while postings.count <= number { postings.append([]) }
        postings[number].append(Posting(document: index, count: Double(count)))
      }
    }
    self.postings = postings
    lengths = documents.map { Double($0.length) }
    averageLength = max(lengths.reduce(0, +) / Double(max(documents.count, 1)), 1)
  }

  /// The score of every document for the query's distinct word numbers, in document order;
  /// zero where no word matched.
  func scores(_ query: Set<Int>) -> [Double] {
    let count = Double(lengths.count)
    var scores = [Double](repeating: 0, count: lengths.count)
    for term in query where term >= 0 && term < postings.count {
      let list = postings[term]
      guard !list.isEmpty else { continue }
      let df = Double(list.count)
      let idf = log(1 + (count - df + 0.5) / (df + 0.5))
      for posting in list {
        let norm = posting.count + k1 * (1 - b + b * lengths[posting.document] / averageLength)
        scores[posting.document] += idf * posting.count * (k1 + 1) / norm
      }
    }
    return scores
  }
}
