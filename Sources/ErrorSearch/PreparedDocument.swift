/// A guide as the index stores it: already normalised and counted, so that an index can be
/// saved and loaded again without reading a single guide.
public struct PreparedDocument: Codable, Sendable, Hashable {
  /// A message of the guide and its words.
  public struct Signature: Codable, Sendable, Hashable {
    /// The message as the guide gives it, for the reason line.
    public var text: String
    /// Its words, normalised, stopwords removed.
    public var words: [String]
  }

  /// The guide's id.
  public var id: String
  /// The guide's title.
  public var title: String
  /// The guide's messages.
  public var signatures: [Signature]
  /// How often each word occurs in title (twice), summary, messages and body.
  public var termCounts: [String: Int]
  /// The number of words, for BM25's length normalisation.
  public var length: Int
  /// Whether the guide's errors only follow another error (``SearchDocument/followOn``).
  public var followOn: Bool

  /// Normalises and counts `document`.
  public init(_ document: SearchDocument) {
    id = document.id
    title = document.title
    followOn = document.followOn
    // Each field is normalised once, though the title counts twice and the messages are both
    // signatures and counted text.
    let titleWords = QueryNormalizer.tokens(document.title)
    let signatureWords = document.signatures.map { QueryNormalizer.tokens($0) }
    signatures = zip(document.signatures, signatureWords).compactMap { text, tokens in
      let words = tokens.filter(Stopwords.keeps)
      return words.isEmpty ? nil : Signature(text: text, words: words)
    }
    var counts: [String: Int] = [:]
    var length = 0
    let fields =
      [titleWords, titleWords, QueryNormalizer.tokens(document.summary)] + signatureWords
      + [QueryNormalizer.tokens(document.body)]
    for words in fields {
      for word in words where Stopwords.keeps(word) {
        counts[word, default: 0] += 1
        length += 1
      }
    }
    termCounts = counts
    self.length = length
  }

  /// A document from its stored parts.
  public init(
    id: String, title: String, signatures: [Signature], termCounts: [String: Int], length: Int,
    followOn: Bool = false
  ) {
    self.id = id
    self.title = title
    self.signatures = signatures
    self.termCounts = termCounts
    self.length = length
    self.followOn = followOn
  }
}
