import Foundation

/// Matches a query against the guides' exact error messages.
///
/// Each signature is a sequence of words. A word's weight is its inverse document frequency
/// over the guides' signatures, so words every guide's messages share (`closing`, `connection`)
/// weigh little and words one guide owns (`econnreset`, `handshake`) weigh a lot. A signature
/// scores the weighted share of its words the query contains, scaled by how much of it appears
/// as one unbroken run.
struct SignatureMatcher: Sendable {
  struct Signature: Sendable {
    var document: Int
    var text: String
    var words: [String]
  }

  /// How well one signature matched.
  struct Match: Sendable {
    var signature: Signature
    /// From 0 to 1.
    var score: Double
    /// The weight of the matched words: how specific the match is.
    var matchedWeight: Double
  }

  let signatures: [Signature]
  let weights: [String: Double]

  init(documents: [SearchDocument]) {
    var signatures: [Signature] = []
    var documentFrequency: [String: Int] = [:]
    for (index, document) in documents.enumerated() {
      var seen: Set<String> = []
      for text in document.signatures {
        let words = QueryNormalizer.tokens(text).filter(Stopwords.keeps)
        guard !words.isEmpty else { continue }
        signatures.append(Signature(document: index, text: text, words: words))
        seen.formUnion(words)
      }
      for word in seen { documentFrequency[word, default: 0] += 1 }
    }
    let count = Double(max(documents.count, 1))
    self.signatures = signatures
    self.weights = documentFrequency.mapValues { log(1 + count / Double($0)) }
  }

  func weight(_ word: String) -> Double { weights[word] ?? 0 }

  /// The best match of each document that has one, keyed by document index.
  func bestMatches(_ query: [String]) -> [Int: Match] {
    let present = Set(query)
    var best: [Int: Match] = [:]
    for signature in signatures {
      let distinct = Set(signature.words)
      let total = distinct.reduce(0) { $0 + weight($1) }
      let matched = distinct.intersection(present).reduce(0) { $0 + weight($1) }
      guard total > 0, matched > 0 else { continue }
      let coverage = matched / total
      let run = Double(longestRun(of: signature.words, in: query)) / Double(signature.words.count)
      let score = coverage * (0.6 + 0.4 * run)
      if score > (best[signature.document]?.score ?? 0) {
        best[signature.document] = Match(signature: signature, score: score, matchedWeight: matched)
      }
    }
    return best
  }

  /// The length of the longest run of consecutive words of `words` found consecutively in
  /// `query`.
  private func longestRun(of words: [String], in query: [String]) -> Int {
    guard !words.isEmpty, !query.isEmpty else { return 0 }
    var best = 0
    var previous = [Int](repeating: 0, count: query.count + 1)
    for word in words {
      var current = [Int](repeating: 0, count: query.count + 1)
      for (j, candidate) in query.enumerated() where candidate == word {
        current[j + 1] = previous[j] + 1
        best = max(best, current[j + 1])
      }
      previous = current
    }
    return best
  }
}
