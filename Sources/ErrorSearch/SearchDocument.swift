/// What the search knows of one guide.
public struct SearchDocument: Codable, Sendable, Hashable {
  /// The guide's id.
  public var id: String
  /// The guide's title.
  public var title: String
  /// The guide's one-sentence summary.
  public var summary: String
  /// The exact error messages the guide explains; matched first.
  public var signatures: [String]
  /// The guide's body as plain text; the ranked full-text fallback reads it with the rest.
  public var body: String
  /// Whether the guide's errors only follow another error (a channel used after it was
  /// closed): a text that also quotes that first error is answered with the first error's guide.
  public var followOn: Bool

  /// Creates a document.
  public init(
    id: String, title: String, summary: String, signatures: [String], body: String,
    followOn: Bool = false
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.signatures = signatures
    self.body = body
    self.followOn = followOn
  }
}

/// The answer to one query.
public struct SearchOutcome: Codable, Sendable, Hashable {
  /// The query as the search read it, after normalising.
  public var query: String
  /// Whether the best result is a match the search stands behind.
  public var confident: Bool
  /// The guides, best first.
  public var results: [SearchHit]
}

/// One ranked guide.
public struct SearchHit: Codable, Sendable, Hashable {
  /// The guide's id.
  public var id: String
  /// The guide's title.
  public var title: String
  /// The combined score; higher is better.
  public var score: Double
  /// One line on why it ranks here.
  public var reason: String
  /// The signature part of the score, from 0 to 1.
  public var signatureScore: Double
  /// The full-text part of the score, from 0 to 1 relative to the best.
  public var textScore: Double
}
