/// One guide as `rmq-doctor list --json` prints it and the MCP server lists it.
public struct GuideListEntry: Codable, Sendable, Equatable {
  /// The guide's id.
  public var id: String
  /// Its title.
  public var title: String
  /// Its one-sentence summary.
  public var summary: String
  /// Its tags.
  public var tags: [String]

  /// The entry of `guide`.
  public init(_ guide: Guide) {
    id = guide.id
    title = guide.title
    summary = guide.frontMatter.summary
    tags = guide.frontMatter.tags
  }
}
