/// Everything the browser's copy of the search needs, taken from a built ``SearchIndex``: the
/// normaliser's rules and stopwords, the numbered vocabulary with its weights, the documents
/// and their messages, and the parameters.
///
/// The browser re-derives nothing: weights, word numbers and tie-break ranks are the ones the
/// Swift index computed, so both sides add the same numbers in the same order.
public struct BrowserSearchData: Codable, Sendable, Hashable {
  /// A normaliser rule as JavaScript reads it.
  public struct Rule: Codable, Sendable, Hashable {
    /// The pattern, in the common subset of ICU and JavaScript syntax.
    public var pattern: String
    /// The replacement, with `$1` for the first group.
    public var replacement: String
    /// Whether the pattern ignores case.
    public var caseInsensitive: Bool
  }

  /// A log level marker as JavaScript reads it (``PasteLevels/Marker``).
  public struct LevelMarker: Codable, Sendable, Hashable {
    /// The pattern; its first group is the level's name.
    public var pattern: String
    /// Whether the pattern ignores case.
    public var caseInsensitive: Bool
  }

  /// A guide as the browser ranks it.
  public struct Document: Codable, Sendable, Hashable {
    /// The guide's id.
    public var id: String
    /// The guide's title.
    public var title: String
    /// The number of words, for BM25.
    public var length: Int
    /// The place of the id in id order; breaks ties between equal scores.
    public var idRank: Int
    /// The word numbers the guide contains, ascending, with their counts: `[word, count]`.
    public var terms: [[Int]]
    /// Whether the guide's errors only follow another error.
    public var followOn: Bool
  }

  /// A guide's message as the browser matches it.
  public struct Signature: Codable, Sendable, Hashable {
    /// The index of its document.
    public var document: Int
    /// The message as written in the guide.
    public var text: String
    /// Its word numbers, in order.
    public var words: [Int]
    /// The sum of its distinct words' weights.
    public var totalWeight: Double
  }

  /// The tuning of ranking and confidence.
  public var parameters: SearchIndex.Parameters
  /// Longer queries are clipped to their two halves of this many characters.
  public var maximumLength: Int
  /// Escapes undone first.
  public var unescaping: [Rule]
  /// Identifier splits, before case folding.
  public var identifierSplitting: [Rule]
  /// Noise removed after case folding.
  public var noise: [Rule]
  /// Where a paste's lines end (``PasteLevels/lineBreak``).
  public var lineBreak: String
  /// The log level markers, in the order they are tried.
  public var levelMarkers: [LevelMarker]
  /// The levels whose lines are quiet, sorted.
  public var quietLevels: [String]
  /// Words that never count, sorted.
  public var stopwords: [String]
  /// Every indexed word, in number order.
  public var words: [String]
  /// BM25's inverse document frequency of each word.
  public var idf: [Double]
  /// Each word's weight in message matching; zero for words in no message.
  public var signatureWeights: [Double]
  /// BM25's term-frequency saturation.
  public var k1: Double
  /// BM25's length normalisation.
  public var b: Double
  /// The average document length.
  public var averageLength: Double
  /// The documents, in index order.
  public var documents: [Document]
  /// Every message of every document, in order.
  public var signatures: [Signature]
}

extension SearchIndex {
  /// The data the browser's copy of this search reads.
  public var browserData: BrowserSearchData {
    let rule = { (rule: QueryNormalizer.Rule) in
      BrowserSearchData.Rule(
        pattern: rule.pattern, replacement: rule.replacement, caseInsensitive: rule.caseInsensitive)
    }
    let words = vocabulary.words
    let documents = zip(guides, bm25.terms).enumerated().map { index, document in
      BrowserSearchData.Document(
        id: document.0.id, title: document.0.title, length: document.0.length,
        idRank: idRank[index],
        terms: document.1.map { [$0.word, $0.count] }, followOn: document.0.followOn)
    }
    let signatures = matcher.signatures.map {
      BrowserSearchData.Signature(
        document: $0.document, text: $0.text, words: $0.words, totalWeight: $0.totalWeight)
    }
    return BrowserSearchData(
      parameters: parameters, maximumLength: QueryNormalizer.maximumLength,
      unescaping: QueryNormalizer.unescaping.map(rule),
      identifierSplitting: QueryNormalizer.identifierSplitting.map(rule),
      noise: QueryNormalizer.noise.map(rule), lineBreak: PasteLevels.lineBreak,
      levelMarkers: PasteLevels.markers.map {
        BrowserSearchData.LevelMarker(pattern: $0.pattern, caseInsensitive: $0.caseInsensitive)
      },
      quietLevels: PasteLevels.quietLevels.sorted(), stopwords: Stopwords.all.sorted(),
      words: words,
      idf: (0..<vocabulary.count).map { $0 < bm25.idf.count ? bm25.idf[$0] : 0 },
      signatureWeights: (0..<vocabulary.count).map {
        $0 < matcher.weights.count ? matcher.weights[$0] : 0
      },
      k1: bm25.k1, b: bm25.b, averageLength: bm25.averageLength, documents: documents,
      signatures: signatures)
  }
}
