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

  /// Normalises and counts `document`.
  public init(_ document: SearchDocument) {
    id = document.id
    title = document.title
    signatures = document.signatures.compactMap { text in
      let words = QueryNormalizer.tokens(text).filter(Stopwords.keeps)
      return words.isEmpty ? nil : Signature(text: text, words: words)
    }
    var counts: [String: Int] = [:]
    var length = 0
    for field in [document.title, document.title, document.summary] + document.signatures + [document.body] {
      for word in QueryNormalizer.tokens(field) where Stopwords.keeps(word) {
        counts[word, default: 0] += 1
        length += 1
      }
    }
    termCounts = counts
    self.length = length
  }

  /// A document from its stored parts.
  public init(id: String, title: String, signatures: [Signature], termCounts: [String: Int], length: Int) {
    self.id = id
    self.title = title
    self.signatures = signatures
    self.termCounts = termCounts
    self.length = length
  }
}
