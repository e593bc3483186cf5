import Foundation

extension Guide {
  /// The guide as one Markdown document: title and summary first, the body, the sources last.
  /// `rmq-doctor show --format markdown` prints it and the MCP server serves it.
  public var markdownDocument: String {
    var text = "# \(title)\n\n\(frontMatter.summary)\n\n"
    text += body.document.source.trimmingCharacters(in: .whitespacesAndNewlines)
    text += "\n\n## Sources\n\n"
    for source in frontMatter.sources {
      text += "- [\(source.title)](\(source.url))\n"
    }
    return text
  }
}
