/// A guide as one self-contained record: the front-matter plus what is extracted from the body.
/// This is what `rmq-doctor show --format json` prints.
public struct GuideRecord: Encodable, Sendable {
  /// The parsed front-matter, as written.
  public var frontMatter: GuideFrontMatter
  /// The FAQ entries.
  public var faq: [FAQEntry]
  /// The command blocks of "Diagnostic commands".
  public var commands: [CommandBlock]
  /// Each cause with its explanation from the body.
  public var causeDetails: [CauseDetail]
  /// Each step with its text from the body.
  public var stepDetails: [StepDetail]

  /// A cause and the Markdown that explains it.
  public struct CauseDetail: Encodable, Sendable {
    public var id: String
    public var explanation: String
  }

  /// A step and its Markdown.
  public struct StepDetail: Encodable, Sendable {
    public var id: String
    public var text: String
  }

  /// The record of `guide`.
  public init(_ guide: Guide) {
    frontMatter = guide.frontMatter
    faq = guide.body.faq
    commands = guide.body.commandBlocks
    causeDetails = guide.frontMatter.causes.map {
      CauseDetail(id: $0.id, explanation: guide.explanation(of: $0) ?? "")
    }
    stepDetails = guide.frontMatter.steps.map {
      StepDetail(id: $0.id, text: guide.text(of: $0) ?? "")
    }
  }

  enum CodingKeys: String, CodingKey {
    case faq, commands
    case causeDetails = "cause_details"
    case stepDetails = "step_details"
  }

  public func encode(to encoder: any Encoder) throws {
    try frontMatter.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(faq, forKey: .faq)
    try container.encode(commands, forKey: .commands)
    try container.encode(causeDetails, forKey: .causeDetails)
    try container.encode(stepDetails, forKey: .stepDetails)
  }
}
