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
    /// The weight of its heaviest word.
    var heaviestWeight: Double
  }

  /// How well one signature matched.
  struct Match: Sendable {
    var signature: Signature
    /// From 0 to 1.
    var score: Double
    /// The weight of the matched words: how specific the match is.
    var matchedWeight: Double
    /// Whether the text follows the message up to a point and then goes on differently, the
    /// message's distinctive tail missing: `PRECONDITION_FAILED - unknown delivery tag` and
    /// `PRECONDITION_FAILED - fast reply consumer does not exist` share their start only.
    var differentTail = false
  }

  let signatures: [Signature]
  /// Indexed by word number; zero for words in no signature.
  let weights: [Double]
  /// For each word number, the signatures that contain it.
  private let postings: [[Int]]
  /// Each signature's document and total weight, apart, for the loops that look at every
  /// touched signature without copying its text and words.
  private let documentOf: [Int]
  private let totalWeightOf: [Double]

  /// Indexes the messages of `documents`, numbering their words in `vocabulary`.
  init(documents: [PreparedDocument], vocabulary: inout Vocabulary) {
    var messages: [(document: Int, text: String, words: [Int])] = []
    for (index, document) in documents.enumerated() {
      for signature in document.signatures {
        messages.append((index, signature.text, signature.words.map { vocabulary.add($0) }))
      }
    }
    self.init(messages: messages, documentCount: documents.count, wordCount: vocabulary.count)
  }

  /// Indexes messages given by their documents (in ascending order), texts and numbered words
  /// (every number below `wordCount`), as a saved index holds them.
  init(messages: [(document: Int, text: String, words: [Int])], documentCount: Int, wordCount: Int)
  {
    var documentFrequency = [Int](repeating: 0, count: wordCount)
    var seen = [Int](repeating: -1, count: wordCount)
    for message in messages {
      for word in message.words where seen[word] != message.document {
        seen[word] = message.document
        documentFrequency[word] += 1
      }
    }
    let count = Double(max(documentCount, 1))
    var weights = [Double](repeating: 0, count: wordCount)
    for (word, frequency) in documentFrequency.enumerated() where frequency > 0 {
      weights[word] = log(1 + count / Double(frequency))
    }
    var signatures: [Signature] = []
    var postings = [[Int]](repeating: [], count: wordCount)
    for message in messages {
      let distinct = Set(message.words)
      for word in distinct { postings[word].append(signatures.count) }
      signatures.append(
        Signature(
          document: message.document, text: message.text, words: message.words,
          totalWeight: distinct.sorted().reduce(0) { $0 + weights[$1] },
          heaviestWeight: message.words.map { weights[$0] }.max() ?? 0))
    }
    self.signatures = signatures
    self.weights = weights
    self.postings = postings
    documentOf = signatures.map(\.document)
    totalWeightOf = signatures.map(\.totalWeight)
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
      let document = documentOf[signature]
      if first[document] < 0
        || coverage(signature, matchedWeight) > coverage(first[document], matchedWeight)
      {
        first[document] = signature
      }
    }
    var best = [Match?](repeating: nil, count: documentCount)
    var bestRun = [RunCounter.Run](repeating: .init(), count: documentCount)
    var runs = RunCounter(queryLength: query.count)
    for signature in first where signature >= 0 {
      let document = documentOf[signature]
      (best[document], bestRun[document]) = match(signature, matchedWeight, query, &runs)
    }
    for signature in touched {
      let document = documentOf[signature]
      guard signature != first[document], let current = best[document],
        coverage(signature, matchedWeight) > current.score
      else { continue }
      let (candidate, run) = match(signature, matchedWeight, query, &runs)
      if candidate.score > current.score { (best[document], bestRun[document]) = (candidate, run) }
    }
    // Whether the text goes on differently is asked of each guide's best match only.
    for document in best.indices where best[document] != nil {
      best[document]!.differentTail = endsDifferently(
        best[document]!.signature, bestRun[document], query, distinct)
    }
    return best
  }

  /// Whether the query, after its longest run with `signature`, goes on with other words while
  /// the rest of the signature, missing from the query, is distinctive: its words weigh at
  /// least a fifth of the message, or hold the message's heaviest word.
  private func endsDifferently(
    _ signature: Signature, _ run: RunCounter.Run, _ query: [Int], _ distinct: [Int]
  )
    -> Bool
  {
    guard run.length > 0, run.signatureEnd < signature.words.count, run.queryEnd < query.count
    else { return false }
    var missing: [Int] = []
    for word in signature.words[run.signatureEnd...]
    where weights[word] > 0 && !contains(distinct, word) {
      missing.append(word)
    }
    guard !missing.isEmpty else { return false }
    // Distinct and ascending, so that the weights are added up in the order of `totalWeight`.
    missing.sort()
    var distinctMissing = [missing[0]]
    for word in missing.dropFirst() where word != distinctMissing[distinctMissing.count - 1] {
      distinctMissing.append(word)
    }
    let missingWeight = distinctMissing.reduce(0) { $0 + weights[$1] }
    return missingWeight >= 0.2 * signature.totalWeight
      || distinctMissing.contains { weights[$0] >= signature.heaviestWeight }
  }

  /// Whether the ascending `sorted` holds `value`.
  private func contains(_ sorted: [Int], _ value: Int) -> Bool {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < sorted.count && sorted[low] == value
  }

  private func coverage(_ signature: Int, _ matchedWeight: [Double]) -> Double {
    let total = totalWeightOf[signature]
    return total > 0 ? matchedWeight[signature] / total : 0
  }

  /// The match of signature `index`, its tail not yet looked at, and its longest run.
  private func match(
    _ index: Int, _ matchedWeight: [Double], _ query: [Int], _ runs: inout RunCounter
  ) -> (Match, RunCounter.Run) {
    let signature = signatures[index]
    let run = runs.longestRun(of: signature.words, in: query)
    let share = Double(run.length) / Double(signature.words.count)
    return (
      Match(
        signature: signature, score: coverage(index, matchedWeight) * (0.6 + 0.4 * share),
        matchedWeight: matchedWeight[index]),
      run
    )
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

  /// A run: its length, and where it ends (the index after its last word) in each sequence.
  struct Run {
    var length = 0
    var signatureEnd = 0
    var queryEnd = 0
  }

  /// The longest run of consecutive words of `words` found consecutively in `query`; of
  /// several as long, the first one found.
  mutating func longestRun(of words: [Int], in query: [Int]) -> Run {
    var best = Run()
    guard !words.isEmpty, !query.isEmpty else { return best }
    for j in previous.indices { previous[j] = 0 }
    for (i, word) in words.enumerated() {
      current[0] = 0
      for j in query.indices {
        current[j + 1] = query[j] == word ? previous[j] + 1 : 0
        if current[j + 1] > best.length {
          best = Run(length: current[j + 1], signatureEnd: i + 1, queryEnd: j + 1)
        }
      }
      swap(&previous, &current)
    }
    return best
  }
}
