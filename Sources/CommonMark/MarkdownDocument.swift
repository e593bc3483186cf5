#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A parsed Markdown document: cmark's tree copied into immutable Swift values.
///
/// Parsing never fails: every text is some Markdown document.
public struct MarkdownDocument: Sendable, Hashable {
  /// The top-level blocks of the document, in order.
  public var blocks: [Block]
  /// The text the document was parsed from.
  public var source: String
  /// How deep the document's elements nest (a quote in a list in a quote, emphasis in a link
  /// ...), measured on cmark's tree without recursion.
  public var nesting: Int

  /// The deepest nesting read into ``blocks``; below it, elements are left out, so that no walk
  /// over the blocks runs out of stack on a hostile document. Real documents nest a handful of
  /// levels.
  public static let maximumNesting = 100

  /// Whether the document nests deeper than ``maximumNesting`` and was read only in part.
  public var isTooDeep: Bool { nesting > Self.maximumNesting }

  /// Parses `source` as CommonMark with cmark.
  public init(parsing source: String) {
    self.source = source
    (self.blocks, self.nesting) = CmarkBridge.parseBlocks(source, maximumDepth: Self.maximumNesting)
  }

  /// The source text of lines `lines` (1-based, inclusive), joined with newlines.
  ///
  /// Scans the UTF-8 bytes only up to the end of the last line wanted, without cutting the
  /// whole source into lines: sections are read from one document many times.
  public func sourceLines(_ lines: ClosedRange<Int>) -> String {
    let lower = max(lines.lowerBound, 1)
    guard lower <= lines.upperBound else { return "" }
    let utf8 = source.utf8
    // The byte offsets of the lines wanted, found over the contiguous bytes when the string
    // has them (a native string always does).
    let offsets = utf8.withContiguousStorageIfAvailable { bytes -> (start: Int?, end: Int) in
      var line = 1
      var start: Int? = lower == 1 ? 0 : nil
      guard let base = bytes.baseAddress else { return (start, 0) }
      var offset = 0
      // `memchr` finds each line break: the sections of long guides are read many times.
      while offset < bytes.count,
        let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset)
      {
        let breakOffset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if line == lines.upperBound, let start { return (start, breakOffset) }
        line += 1
        if line == lower { start = breakOffset + 1 }
        offset = breakOffset + 1
      }
      return (start, bytes.count)
    }
    if let offsets {
      guard let start = offsets.start else { return "" }
      return String(
        source[
          utf8.index(
            utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: offsets.end)])
    }
    var line = 1
    var start: String.Index?
    if lower == 1 { start = utf8.startIndex }
    var index = utf8.startIndex
    while index != utf8.endIndex {
      if utf8[index] == UInt8(ascii: "\n") {
        if line == lines.upperBound, let start { return String(source[start..<index]) }
        line += 1
        if line == lower { start = utf8.index(after: index) }
      }
      index = utf8.index(after: index)
    }
    guard let start else { return "" }
    return String(source[start..<utf8.endIndex])
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
