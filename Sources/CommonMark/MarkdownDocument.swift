/// A parsed Markdown document: cmark's tree copied into immutable Swift values.
///
/// Parsing never fails: every text is some Markdown document.
public struct MarkdownDocument: Sendable, Hashable {
  /// The top-level blocks of the document, in order.
  public var blocks: [Block]
  /// The text the document was parsed from.
  public var source: String

  /// Parses `source` as CommonMark with cmark.
  public init(parsing source: String) {
    self.source = source
    self.blocks = CmarkBridge.parseBlocks(source)
  }

  /// The source text of lines `lines` (1-based, inclusive), joined with newlines.
  public func sourceLines(_ lines: ClosedRange<Int>) -> String {
    let all = source.split(separator: "\n", omittingEmptySubsequences: false)
    let lower = max(lines.lowerBound, 1) - 1
    let upper = min(lines.upperBound, all.count) - 1
    guard lower <= upper else { return "" }
    return all[lower...upper].joined(separator: "\n")
  }

  /// The source text that `blocks` were parsed from, from the first block's first line to the
  /// last block's last line.
  public func sourceText(of blocks: [Block]) -> String {
    guard let first = blocks.first, let last = blocks.last else { return "" }
    var text = sourceLines(first.range.startLine...last.range.endLine)
    while text.last?.isWhitespace == true { text.removeLast() }
    return text
  }
}
