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
  /// Each word's inverse document frequency, indexed by word number.
  let idf: [Double]
  let lengths: [Double]
  let averageLength: Double
  /// The term-frequency saturation.
  let k1 = 1.2
  /// The length normalisation.
  let b = 0.75

  /// Indexes `documents`, numbering their words in `vocabulary`.
  init(documents: [PreparedDocument], vocabulary: inout Vocabulary) {
    var postings: [[Posting]] = []
    for (index, document) in documents.enumerated() {
      // Words are numbered in a fixed order (by document, then alphabetically), so that the
      // same guides always give the same numbers, and the browser's copy the same index.
      for (word, count) in document.termCounts.sorted(by: { $0.key < $1.key }) {
        let number = vocabulary.add(word)
        while postings.count <= number { postings.append([]) }
        postings[number].append(Posting(document: index, count: Double(count)))
      }
    }
    self.postings = postings
    let count = Double(documents.count)
    idf = postings.map { list in
      let df = Double(list.count)
      return list.isEmpty ? 0 : log(1 + (count - df + 0.5) / (df + 0.5))
    }
    lengths = documents.map { Double($0.length) }
    averageLength = max(lengths.reduce(0, +) / Double(max(documents.count, 1)), 1)
  }

  /// For every document, the highest inverse document frequency among the query's words it
  /// holds, for the query's distinct word numbers: zero where it holds none, low where it shares
  /// only words that most documents use.
  func rarestShared(_ query: [Int]) -> [Double] {
    var rarest = [Double](repeating: 0, count: lengths.count)
    for term in query where term >= 0 && term < postings.count {
      for posting in postings[term] { rarest[posting.document] = max(rarest[posting.document], idf[term]) }
    }
    return rarest
  }

  /// The score of every document for the query's distinct word numbers, in ascending order
  /// (so that sums are always added up in the same order), in document order; zero where no
  /// word matched.
  func scores(_ query: [Int]) -> [Double] {
    var scores = [Double](repeating: 0, count: lengths.count)
    for term in query where term >= 0 && term < postings.count {
      let list = postings[term]
      guard !list.isEmpty else { continue }
      let idf = idf[term]
      for posting in list {
        let norm = posting.count + k1 * (1 - b + b * lengths[posting.document] / averageLength)
        scores[posting.document] += idf * posting.count * (k1 + 1) / norm
      }
    }
    return scores
  }
}
