import GuideKit

/// Where a session ended: the causes still possible, best first, and how it got there.
public struct Outcome: Sendable {
  /// A cause still possible, with what the guide says of it.
  public struct Candidate: Sendable {
    /// The cause.
    public var cause: Cause
    /// How many "I don't know" answers lie on the way to it; fewer ranks higher.
    public var unknownsOnPath: Int
    /// The Markdown that explains it, from the guide's "Common causes".
    public var explanation: String
    /// Its resolution steps, each with its Markdown from "Step-by-step resolution".
    public var steps: [(step: ResolutionStep, markdown: String)]
  }

  /// The guide the session walked.
  public var guide: Guide
  /// The causes, best first; one when every question had an answer.
  public var candidates: [Candidate]
  /// The questions, answers and evidence that led here.
  public var trail: [TrailStep]

  /// Whether the answers single out one cause.
  public var isConclusive: Bool { candidates.count == 1 }
  /// The guide's related errors.
  public var related: [RelatedGuide] { guide.frontMatter.related }
  /// The guide's FAQ.
  public var faq: [FAQEntry] { guide.body.faq }
}
