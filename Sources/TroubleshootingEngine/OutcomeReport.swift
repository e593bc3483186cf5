import GuideKit

/// An outcome as one object, the trail with it: what `rmq-doctor wizard --json` prints and
/// what the MCP server's `troubleshoot` tool returns when the tree has no more questions.
public struct OutcomeReport: Codable, Sendable, Equatable {
  /// A cause still possible, with its explanation and steps.
  public struct Cause: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var unknownsOnPath: Int
    public var explanation: String
    public var steps: [Step]
  }

  /// A resolution step with its Markdown.
  public struct Step: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var markdown: String
  }

  /// One question answered on the way.
  public struct TrailEntry: Codable, Sendable, Equatable {
    public var question: String
    public var text: String
    public var answer: String
    public var label: String
    public var automatic: Bool
    public var rule: String?
    public var evidence: [Fact]?
  }

  /// The guide walked.
  public var guide: String
  /// Its title.
  public var title: String
  /// Whether one cause remains.
  public var conclusive: Bool
  /// The causes, best first.
  public var causes: [Cause]
  /// The questions and answers that led here.
  public var trail: [TrailEntry]
  /// The guide's related errors.
  public var related: [RelatedGuide]
  /// The guide's FAQ.
  public var faq: [FAQEntry]
  /// The queue or exchange the pasted error names, when it names one.
  public var named: NamedResource?

  /// The report of `outcome`; `named` is what the pasted error names, if anything.
  public init(_ outcome: Outcome, named: NamedResource? = nil) {
    guide = outcome.guide.id
    title = outcome.guide.title
    conclusive = outcome.isConclusive
    causes = outcome.candidates.map { candidate in
      Cause(
        id: candidate.cause.id, title: candidate.cause.title,
        unknownsOnPath: candidate.unknownsOnPath, explanation: candidate.explanation,
        steps: candidate.steps.map {
          Step(id: $0.step.id, title: $0.step.title, markdown: $0.markdown)
        })
    }
    trail = outcome.trail.map { step in
      TrailEntry(
        question: step.question, text: step.questionText, answer: step.answer.id,
        label: step.answerLabel, automatic: step.suggestion != nil, rule: step.suggestion?.rule,
        evidence: step.suggestion?.facts)
    }
    related = outcome.related
    faq = outcome.faq
    self.named = named
  }
}
