import _Parallel

/// The error search: built once from the guides, then answers any number of queries.
///
/// A query is normalised ([`QueryNormalizer`]), matched against every guide's exact error
/// messages first ([`SignatureMatcher`]), and ranked with a BM25 full-text score over titles,
/// summaries, messages and bodies as the fallback. The search says it is confident only when
/// a message matched well, specifically, and clearly better than any other guide's, and the
/// text does not go on differently where the message's distinctive end should be.
public struct SearchIndex: Sendable {
  /// The tuning of the ranking and of the confidence test; the browser's copy reads the same.
  public struct Parameters: Codable, Sendable, Hashable {
    /// Weight of the full-text score beside the signature score.
    public var textWeight = 0.3
    /// The lowest signature score that can be confident.
    public var confidentScore = 0.7
    /// The lowest weight of matched words that can be confident (about two specific words).
    public var confidentWeight = 2.0
    /// How far ahead of the next guide a confident match must be.
    public var confidentMargin = 0.15
    /// How much the words only quiet lines of a paste hold (``PasteLevels``) count in the
    /// full-text score; they take no part in matching messages.
    public var quietWeight = 0.25
    /// The inverse document frequency that at least one word a guide shares with the text must
    /// reach for it to be listed when none of its messages matches half way: about that of a
    /// word half the guides use. Words such as `vhost`, `closed`, `refused` or `connect`, which
    /// most guides use, stay below it.
    public var closestWordWeight = 0.69

    /// The defaults.
    public init() {}
  }

  /// A guide as the index knows it apart from its words.
  public struct Guide: Sendable, Hashable {
    /// The guide's id.
    public var id: String
    /// The guide's title.
    public var title: String
    /// The number of words, for BM25's length normalisation.
    public var length: Int
    /// Whether the guide's errors only follow another error (``SearchDocument/followOn``).
    public var followOn: Bool
  }

  /// The guides, in index order.
  public let guides: [Guide]
  let matcher: SignatureMatcher
  let bm25: BM25
  let vocabulary: Vocabulary
  /// Each document's place in id order, which breaks ties between equal scores.
  let idRank: [Int]
  /// The tuning in use.
  public let parameters: Parameters

  /// Indexes `documents`.
  public init(documents: [SearchDocument], parameters: Parameters = Parameters()) {
    // Normalising is most of the work; the documents are prepared on every core, in order.
    self.init(prepared: documents.concurrentMap(PreparedDocument.init), parameters: parameters)
  }

  /// Indexes documents that were prepared before.
  public init(prepared: [PreparedDocument], parameters: Parameters = Parameters()) {
    var vocabulary = Vocabulary()
    let bm25 = BM25(documents: prepared, vocabulary: &vocabulary)
    let matcher = SignatureMatcher(documents: prepared, vocabulary: &vocabulary)
    self.init(
      guides: prepared.map {
        Guide(id: $0.id, title: $0.title, length: $0.length, followOn: $0.followOn)
      },
      vocabulary: vocabulary, bm25: bm25, matcher: matcher, parameters: parameters)
  }

  /// An index from its numbered parts, built or read back from a saved index (``IndexArchive``).
  init(
    guides: [Guide], vocabulary: Vocabulary, bm25: BM25, matcher: SignatureMatcher,
    parameters: Parameters
  ) {
    self.guides = guides
    self.vocabulary = vocabulary
    self.bm25 = bm25
    self.matcher = matcher
    self.parameters = parameters
    var idRank = [Int](repeating: 0, count: guides.count)
    for (rank, index) in guides.indices.sorted(by: { guides[$0].id < guides[$1].id }).enumerated() {
      idRank[index] = rank
    }
    self.idRank = idRank
  }

  /// The documents as indexed, in order, put together again from the index: their words and
  /// counts, and their messages.
  public var documents: [PreparedDocument] {
    var documents = zip(guides, bm25.terms).map { guide, terms in
      PreparedDocument(
        id: guide.id, title: guide.title, signatures: [],
        termCounts: Dictionary(
          uniqueKeysWithValues: terms.map { (vocabulary.words[$0.word], $0.count) }),
        length: guide.length, followOn: guide.followOn)
    }
    for signature in matcher.signatures {
      documents[signature.document].signatures.append(
        .init(text: signature.text, words: signature.words.map { vocabulary.words[$0] }))
    }
    return documents
  }

  /// Searches for `text`; at most `limit` results, best first.
  ///
  /// In a paste whose lines have log levels, the routine lines (``PasteLevels``) weigh less:
  /// messages are matched against the other lines only, and words only the routine lines hold
  /// count at ``Parameters/quietWeight`` in the full-text score.
  public func search(_ text: String, limit: Int = 5) -> SearchOutcome {
    let normalized = QueryNormalizer.normalize(text)
    let allWords = normalized.split(separator: " ").map(String.init).filter(Stopwords.keeps)
    guard !allWords.isEmpty else {
      return SearchOutcome(query: normalized, confident: false, results: [])
    }
    var words = allWords
    var quietWords: [String] = []
    let levels = PasteLevels.split(text)
    if !levels.quiet.isEmpty {
      let loud = QueryNormalizer.words(levels.loud).filter(Stopwords.keeps)
      if !loud.isEmpty {
        words = loud
        quietWords = QueryNormalizer.words(levels.quiet).filter(Stopwords.keeps)
      }
    }
    let numbers = words.map(vocabulary.number)
    let distinct = Set(numbers).sorted()
    let matches = matcher.bestMatches(numbers, distinct: distinct, documentCount: guides.count)
    var text = bm25.scores(distinct)
    let quietOnly = Set(quietWords.map(vocabulary.number)).subtracting(distinct).sorted()
    if !quietOnly.isEmpty {
      let quiet = bm25.scores(quietOnly)
      for index in text.indices { text[index] += parameters.quietWeight * quiet[index] }
    }
    let bestText = text.max() ?? 0
    // Score every guide with plain numbers; only the few that are shown become hits.
    var ranked: [(score: Double, signature: Double, text: Double, document: Int)] = []
    for index in guides.indices {
      let signature = rounded(matches[index]?.score ?? 0)
      let relativeText = rounded(bestText > 0 ? text[index] / bestText : 0)
      guard signature > 0 || relativeText > 0 else { continue }
      let score = rounded(
        (matches[index]?.score ?? 0) + parameters.textWeight
          * (bestText > 0 ? text[index] / bestText : 0))
      ranked.append((score, signature, relativeText, index))
    }
    ranked.sort { ($0.score, idRank[$1.document]) > ($1.score, idRank[$0.document]) }
    putFirstErrorFirst(&ranked, matches: matches)
    let confident = isConfident(
      ranked.first,
      runnerUp: ranked.first.flatMap { best in
        runnerUp(in: ranked).map {
          marginScore(of: $0, against: best, matches: matches, distinct: distinct)
        }
      }, matches: matches)
    // Only guides that match a message half way, or share more than common words, are listed.
    let rarest = bm25.rarestShared(distinct)
    let listed = ranked.filter { entry in
      (matches[entry.document]?.score ?? 0) >= 0.5
        || rarest[entry.document] >= parameters.closestWordWeight
    }
    let results = listed.prefix(limit).map { entry in
      SearchHit(
        id: guides[entry.document].id, title: guides[entry.document].title, score: entry.score,
        reason: reason(for: matches[entry.document], words: words, document: entry.document),
        signatureScore: entry.signature, textScore: entry.text)
    }
    return SearchOutcome(query: normalized, confident: confident, results: results)
  }

  private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

  /// A follow-on guide (a channel used after it was closed) never outranks a guide whose own
  /// message matches the text well enough to be confident: that message is the first error,
  /// which the follow-on text quotes, and the first error is the one to explain.
  private func putFirstErrorFirst(
    _ ranked: inout [(score: Double, signature: Double, text: Double, document: Int)],
    matches: [SignatureMatcher.Match?]
  ) {
    guard let top = ranked.first, guides[top.document].followOn,
      let first = ranked.firstIndex(where: { entry in
        !guides[entry.document].followOn
          && matches[entry.document].map {
            $0.score >= parameters.confidentScore && $0.matchedWeight >= parameters.confidentWeight
          } == true
      })
    else { return }
    ranked.insert(ranked.remove(at: first), at: 0)
  }

  /// The entry the best must be ahead of to be confident: the next one, or for a guide that is
  /// not a follow-on guide, the next one that is not either (a follow-on guide that also
  /// matches agrees with the answer rather than competing with it).
  private func runnerUp(
    in ranked: [(score: Double, signature: Double, text: Double, document: Int)]
  ) -> (score: Double, signature: Double, text: Double, document: Int)? {
    guard let top = ranked.first else { return nil }
    if guides[top.document].followOn { return ranked.dropFirst().first }
    return ranked.dropFirst().first { !guides[$0.document].followOn }
  }

  /// The runner-up's score as the margin sees it. When its message is nested in the best's
  /// (each of its words that the text holds is a word of the best's message too) and the best
  /// matched half as much weight again, that message says less than the best's about the same
  /// words: `connection_closed_abruptly` inside `Socket closed abruptly during opening
  /// handshake`. Then only its full-text share counts.
  private func marginScore(
    of runner: (score: Double, signature: Double, text: Double, document: Int),
    against best: (score: Double, signature: Double, text: Double, document: Int),
    matches: [SignatureMatcher.Match?], distinct: [Int]
  ) -> Double {
    guard let inner = matches[runner.document], let outer = matches[best.document],
      outer.matchedWeight >= 1.5 * inner.matchedWeight
    else { return runner.score }
    let outerWords = Set(outer.signature.words)
    let present = Set(distinct)
    for word in inner.signature.words where matcher.weights[word] > 0 && present.contains(word) {
      guard outerWords.contains(word) else { return runner.score }
    }
    return rounded(parameters.textWeight * runner.text)
  }

  private func isConfident(
    _ best: (score: Double, signature: Double, text: Double, document: Int)?, runnerUp: Double?,
    matches: [SignatureMatcher.Match?]
  ) -> Bool {
    guard let best, let match = matches[best.document] else { return false }
    return match.score >= parameters.confidentScore
      && match.matchedWeight >= parameters.confidentWeight
      && !match.differentTail
      && best.score - (runnerUp ?? 0) >= parameters.confidentMargin
  }

  private func reason(for match: SignatureMatcher.Match?, words: [String], document: Int) -> String
  {
    if let match, match.score >= 0.5 {
      return "matches the message \"\(match.signature.text)\""
    }
    var seen: Set<String> = []
    let shared = words.filter {
      bm25.contains(vocabulary.number($0), in: document) && seen.insert($0).inserted
    }
    return shared.isEmpty
      ? "no shared words" : "shares the words: " + shared.prefix(6).joined(separator: ", ")
  }
}
