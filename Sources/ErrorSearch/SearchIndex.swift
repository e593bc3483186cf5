/// The error search: built once from the guides, then answers any number of queries.
///
/// A query is normalised ([`QueryNormalizer`]), matched against every guide's exact error
/// messages first ([`SignatureMatcher`]), and ranked with a BM25 full-text score over titles,
/// summaries, messages and bodies as the fallback. The search says it is confident only when
/// a message matched well, specifically, and clearly better than any other guide's.
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

    /// The defaults.
    public init() {}
  }

  let documents: [SearchDocument]
  let matcher: SignatureMatcher
  let bm25: BM25
  /// The tuning in use.
  public let parameters: Parameters

  /// Indexes `documents`.
  public init(documents: [SearchDocument], parameters: Parameters = Parameters()) {
    self.documents = documents
    self.parameters = parameters
    matcher = SignatureMatcher(documents: documents)
    var bags: [[String]] = []
    var vocabularies: [Set<String>] = []
    for document in documents {
      var fields: [String] = [document.title, document.title, document.summary]
      fields.append(contentsOf: document.signatures)
      fields.append(document.body)
      var words: [String] = []
      for field in fields {
        words.append(contentsOf: QueryNormalizer.tokens(field))
      }
      words = words.filter(Stopwords.keeps)
      bags.append(words)
      vocabularies.append(Set(words))
    }
    bm25 = BM25(documents: bags)
    self.vocabularies = vocabularies
  }

  /// Each document's words, for explaining a full-text match.
  let vocabularies: [Set<String>]

  /// Searches for `text`; at most `limit` results, best first.
  public func search(_ text: String, limit: Int = 5) -> SearchOutcome {
    let normalized = QueryNormalizer.normalize(text)
    let words = normalized.split(separator: " ").map(String.init)
      .filter(Stopwords.keeps)
    guard !words.isEmpty else {
      return SearchOutcome(query: normalized, confident: false, results: [])
    }
    let matches = matcher.bestMatches(words)
    let text = bm25.scores(words)
    let bestText = text.max() ?? 0
    var hits: [SearchHit] = []
    for (index, document) in documents.enumerated() {
      let signature = matches[index]?.score ?? 0
      let relativeText = bestText > 0 ? text[index] / bestText : 0
      guard signature > 0 || relativeText > 0 else { continue }
      let score = signature + parameters.textWeight * relativeText
      hits.append(
        SearchHit(
          id: document.id, title: document.title, score: (score * 1000).rounded() / 1000,
          reason: reason(for: matches[index], words: words, document: index),
          signatureScore: (signature * 1000).rounded() / 1000,
          textScore: (relativeText * 1000).rounded() / 1000))
    }
    hits.sort { ($0.score, $1.id) > ($1.score, $0.id) }
    let confident = isConfident(hits, matches: matches)
    return SearchOutcome(query: normalized, confident: confident, results: Array(hits.prefix(limit)))
  }

  private func isConfident(_ hits: [SearchHit], matches: [Int: SignatureMatcher.Match]) -> Bool {
    guard let best = hits.first,
      let index = documents.firstIndex(where: { $0.id == best.id }),
      let match = matches[index]
    else { return false }
    let runnerUp = hits.dropFirst().first?.score ?? 0
    return match.score >= parameters.confidentScore
      && match.matchedWeight >= parameters.confidentWeight
      && best.score - runnerUp >= parameters.confidentMargin
  }

  private func reason(for match: SignatureMatcher.Match?, words: [String], document: Int) -> String {
    if let match, match.score >= 0.5 {
      return "matches the message \"\(match.signature.text)\""
    }
    var seen: Set<String> = []
    let shared = words.filter { vocabularies[document].contains($0) && seen.insert($0).inserted }
    return shared.isEmpty ? "no shared words" : "shares the words: " + shared.prefix(6).joined(separator: ", ")
  }
}
