import Foundation

/// Matches a query against the guides' exact error messages.
///
/// Each signature is a sequence of words. A word's weight is its inverse document frequency
/// over the guides' signatures, so words every guide's messages share (`closing`, `timeout`)
/// weigh little and words one guide owns (`econnreset`, `handshake`) weigh a lot. A signature
/// scores the weighted share of its words the query contains, scaled by how much of it appears
/// as one unbroken run. Only signatures that share a word with the query are looked at, and
/// the run is measured only where it can still change a guide's best match.
struct SignatureMatcher: Sendable {
  struct Signature: Sendable {
    var document: Int
    var text: String
    /// Word numbers, in order.
    var words: [Int]
    /// The sum of the weights of its distinct words.
    var totalWeight: Double
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
  /// Indexed by word number; zero for words in no signature.
  let weights: [Double]
  /// For each word number, the signatures that contain it.
  private let postings: [[Int]]

  init(documents: [PreparedDocument], vocabulary: inout Vocabulary) {
    var documentFrequency: [Int: Int] = [:]
    var numbered: [[[Int]]] = []
    for document in documents {
      let signatures = document.signatures.map { $0.words.map { vocabulary.add($0) } }
      numbered.append(signatures)
      for word in Set(signatures.joined()) { documentFrequency[word, default: 0] += 1 }
    }
    let count = Double(max(documents.count, 1))
    var weights = [Double](repeating: 0, count: vocabulary.count)
    for (word, frequency) in documentFrequency { weights[word] = log(1 + count / Double(frequency)) }
    var signatures: [Signature] = []
    var postings = [[Int]](repeating: [], count: vocabulary.count)
    for (index, document) in documents.enumerated() {
      for (signature, words) in zip(document.signatures, numbered[index]) {
        let distinct = Set(words)
        for word in distinct { postings[word].append(signatures.count) }
        signatures.append(Signature(
          document: index, text: signature.text, words: words,
          totalWeight: distinct.sorted().reduce(0) { $0 + weights[$1] }))
      }
    }
    self.signatures = signatures
    self.weights = weights
    self.postings = postings
  }

  /// The best match of each document, indexed by document; `nil` where none matched.
  /// `distinct` holds the query's distinct word numbers in ascending order, so that weights
  /// are always added up in the order in which ``Signature/totalWeight`` adds them.
  func bestMatches(_ query: [Int], distinct: [Int], documentCount: Int) -> [Match?] {
    // The matched weight of every signature that shares a word with the query.
    var matchedWeight = [Double](repeating: 0, count: signatures.count)
    var touched: [Int] = []
    for word in distinct where word >= 0 && word < postings.count && weights[word] > 0 {
      for signature in postings[word] {
        if matchedWeight[signature] == 0 { touched.append(signature) }
        matchedWeight[signature] += weights[word]
      }
    }
    touched.sort()
    // A signature's score is at most its coverage, so each guide's run is measured first for
    // its best-covered signature, and then only for signatures that could still beat it.
    // Ties go to the guide's earlier message.
    var first = [Int](repeating: -1, count: documentCount)
    for signature in touched {
      let document = signatures[signature].document
      if first[document] < 0 || coverage(signature, matchedWeight) > coverage(first[document], matchedWeight) {
        first[document] = signature
      }
    }
    var best = [Match?](repeating: nil, count: documentCount)
    var runs = RunCounter(queryLength: query.count)
    for signature in first where signature >= 0 {
      best[signatures[signature].document] = match(signature, matchedWeight, query, &runs)
    }
    for signature in touched {
      let document = signatures[signature].document
      guard signature != first[document], let current = best[document],
        coverage(signature, matchedWeight) > current.score
      else { continue }
      let candidate = match(signature, matchedWeight, query, &runs)
      if candidate.score > current.score { best[document] = candidate }
    }
    return best
  }

  private func coverage(_ signature: Int, _ matchedWeight: [Double]) -> Double {
    let total = signatures[signature].totalWeight
    return total > 0 ? matchedWeight[signature] / total : 0
  }

  private func match(
    _ index: Int, _ matchedWeight: [Double], _ query: [Int], _ runs: inout RunCounter
  ) -> Match {
    let signature = signatures[index]
    let run = Double(runs.longestRun(of: signature.words, in: query)) / Double(signature.words.count)
    return Match(
      signature: signature, score: coverage(index, matchedWeight) * (0.6 + 0.4 * run),
      matchedWeight: matchedWeight[index])
  }
}

/// The longest common run of two word sequences, with its buffers kept between calls.
private struct RunCounter {
  private var previous: [Int]
  private var current: [Int]

  init(queryLength: Int) {
    previous = [Int](repeating: 0, count: queryLength + 1)
    current = previous
  }

  /// The length of the longest run of consecutive words of `words` found consecutively in
  /// `query`.
  mutating func longestRun(of words: [Int], in query: [Int]) -> Int {
    guard !words.isEmpty, !query.isEmpty else { return 0 }
    for j in previous.indices { previous[j] = 0 }
    var best = 0
    for word in words {
      current[0] = 0
      for j in query.indices {
        current[j + 1] = query[j] == word ? previous[j] + 1 : 0
        best = max(best, current[j + 1])
      }
      swap(&previous, &current)
    }
    return best
  }
}
