import Foundation

/// Okapi BM25 over a fixed set of documents, with an inverted index so that a query costs
/// only the postings of its own words.
struct BM25: Sendable {
  /// How often a document holds a word.
  struct Term: Sendable, Hashable {
    var word: Int
    var count: Int
  }

  private struct Posting: Sendable {
    var document: Int
    var count: Double
  }

  /// Each document's words with their counts, by ascending word number: what a saved index
  /// stores.
  let terms: [[Term]]
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
    // Words are numbered in a fixed order (by document, then alphabetically), so that the
    // same guides always give the same numbers, and the browser's copy the same index.
    let terms = documents.map { document in
      document.termCounts.sorted(by: { $0.key < $1.key }).map { word, count in
        Term(word: vocabulary.add(word), count: count)
      }.sorted { $0.word < $1.word }
    }
    self.init(terms: terms, lengths: documents.map(\.length), wordCount: vocabulary.count)
  }

  /// Indexes documents given by their numbered words (each document's in ascending order,
  /// every number below `wordCount`) and lengths, as a saved index holds them.
  init(terms: [[Term]], lengths: [Int], wordCount: Int) {
    var postings = [[Posting]](repeating: [], count: wordCount)
    for (index, list) in terms.enumerated() {
      for term in list {
        postings[term.word].append(Posting(document: index, count: Double(term.count)))
      }
    }
    // Words only messages hold (none today: messages count as text too) have no postings.
    while let last = postings.last, last.isEmpty { postings.removeLast() }
    self.terms = terms
    self.postings = postings
    let count = Double(terms.count)
    idf = postings.map { list in
      let df = Double(list.count)
      return list.isEmpty ? 0 : log(1 + (count - df + 0.5) / (df + 0.5))
    }
    self.lengths = lengths.map(Double.init)
    averageLength = max(self.lengths.reduce(0, +) / Double(max(terms.count, 1)), 1)
  }

  /// Whether `document` holds the word numbered `word`: a binary search of the word's
  /// postings, which are in document order.
  func contains(_ word: Int, in document: Int) -> Bool {
    guard word >= 0 && word < postings.count else { return false }
    let list = postings[word]
    var low = 0
    var high = list.count
    while low < high {
      let middle = (low + high) / 2
      if list[middle].document < document { low = middle + 1 } else { high = middle }
    }
    return low < list.count && list[low].document == document
  }

  /// For every document, the highest inverse document frequency among the query's words it
  /// holds, for the query's distinct word numbers: zero where it holds none, low where it shares
  /// only words that most documents use.
  func rarestShared(_ query: [Int]) -> [Double] {
    var rarest = [Double](repeating: 0, count: lengths.count)
    for term in query where term >= 0 && term < postings.count {
      for posting in postings[term] {
        rarest[posting.document] = max(rarest[posting.document], idf[term])
      }
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
