/// What a search answers, as `rmq-doctor search --json` prints it and the MCP server returns it:
/// exactly query, confident and results with id, title, score and reason.
public struct SearchReport: Codable, Sendable, Equatable {
  /// One ranked guide.
  public struct Result: Codable, Sendable, Equatable {
    /// The guide's id.
    public var id: String
    /// The guide's title.
    public var title: String
    /// Its total score.
    public var score: Double
    /// Why it matched, in one line.
    public var reason: String
  }

  /// The normalised query.
  public var query: String
  /// Whether the first result explains the error with confidence.
  public var confident: Bool
  /// The guides, best first.
  public var results: [Result]

  /// The report of `outcome`.
  public init(_ outcome: SearchOutcome) {
    query = outcome.query
    confident = outcome.confident
    results = outcome.results.map {
      Result(id: $0.id, title: $0.title, score: $0.score, reason: $0.reason)
    }
  }
}
