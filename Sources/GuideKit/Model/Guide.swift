/// A guide: its front-matter, its body and where it came from.
public struct Guide: Sendable {
  /// The structured part.
  public let frontMatter: GuideFrontMatter
  /// The Markdown part.
  public let body: GuideBody
  /// The file it was read from.
  public let path: String
  /// The front-matter as composed YAML, for locating values in lint messages.
  public let yaml: YAMLDocument

  /// The guide's id.
  public var id: String { frontMatter.id }
  /// The guide's title.
  public var title: String { frontMatter.title }

  /// The Markdown that explains `cause`, from its `###` section under "Common causes".
  public func explanation(of cause: Cause) -> String? {
    body.subsectionMarkdown(cause.title, in: "Common causes")
  }

  /// The Markdown of `step`, from its `###` section under "Step-by-step resolution".
  public func text(of step: ResolutionStep) -> String? {
    body.subsectionMarkdown(step.title, in: "Step-by-step resolution")
  }
}
