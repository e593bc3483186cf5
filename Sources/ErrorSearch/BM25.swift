/// Okapi BM25 over a fixed set of documents, each a bag of words.
struct BM25: Sendable {
  private let termFrequencies: [[String: Int]]
  private let lengths: [Double]
  private let averageLength: Double
  private let documentFrequency: [String: Int]
  private let k1 = 1.2
  private let b = 0.75

  /// Indexes `documents`, each given as its words.
  init(documents: [[String]]) {
    termFrequencies = documents.map { words in
      words.reduce(into: [:]) { counts, word in counts[word, default: 0] += 1 }
    }
    lengths = documents.map { Double($0.count) }
    averageLength = max(lengths.reduce(0, +) / Double(max(documents.count, 1)), 1)
    var frequency: [String: Int] = [:]
    for counts in termFrequencies {
      for word in counts.keys { frequency[word, default: 0] += 1 }
    }
    documentFrequency = frequency
  }

  /// The score of every document for `query`, in document order.
  func scores(_ query: [String]) -> [Double] {
    let count = Double(termFrequencies.count)
    let terms = Set(query)
    return termFrequencies.indices.map { index in
      var score = 0.0
      for term in terms {
        guard let tf = termFrequencies[index][term].map(Double.init),
          let df = documentFrequency[term].map(Double.init)
        else { continue }
        let idf = log(1 + (count - df + 0.5) / (df + 0.5))
        let norm = tf + k1 * (1 - b + b * lengths[index] / averageLength)
        score += idf * tf * (k1 + 1) / norm
      }
      return score
    }
  }
}

import Foundation
