/// A span of lines and columns in a Markdown text, 1-based as cmark reports it.
public struct SourceRange: Sendable, Hashable, Codable {
  /// The first line of the span.
  public var startLine: Int
  /// The column on the first line where the span starts.
  public var startColumn: Int
  /// The last line of the span.
  public var endLine: Int
  /// The column on the last line where the span ends.
  public var endColumn: Int

  /// Creates a range from its four coordinates.
  public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
    self.startLine = startLine
    self.startColumn = startColumn
    self.endLine = endLine
    self.endColumn = endColumn
  }
}

/// A block-level element of a Markdown document, copied out of cmark's tree.
public struct Block: Sendable, Hashable {
  /// What the block is and what it holds.
  public var kind: BlockKind
  /// Where the block stands in the Markdown text.
  public var range: SourceRange

  /// Creates a block.
  public init(_ kind: BlockKind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// The kinds of block-level elements in CommonMark.
public indirect enum BlockKind: Sendable, Hashable {
  /// A heading of level 1 to 6.
  case heading(level: Int, content: [Inline])
  /// A paragraph.
  case paragraph([Inline])
  /// A fenced or indented code block; `info` is the fence's info string, empty if none.
  case codeBlock(info: String, code: String)
  /// Raw HTML as written in the source. Renderers decide whether to show it.
  case htmlBlock(String)
  /// A block quote.
  case blockQuote([Block])
  /// A bullet or ordered list; each item holds its own blocks.
  case list(ListStyle, tight: Bool, items: [[Block]])
  /// A thematic break (`---`).
  case thematicBreak
}

/// Whether a list is a bullet list or an ordered one.
public enum ListStyle: Sendable, Hashable {
  /// A bullet list.
  case bullet
  /// An ordered list whose first item has the given number.
  case ordered(start: Int)
}

/// An inline element of a Markdown document.
public indirect enum Inline: Sendable, Hashable {
  /// Literal text.
  case text(String)
  /// A line break in the source that is not a hard break.
  case softBreak
  /// A hard line break.
  case lineBreak
  /// A code span.
  case code(String)
  /// Raw inline HTML as written in the source.
  case html(String)
  /// Emphasised content.
  case emphasis([Inline])
  /// Strongly emphasised content.
  case strong([Inline])
  /// A link with its destination and title.
  case link(destination: String, title: String, content: [Inline])
  /// An image with its source and title; `content` is its alternative text.
  case image(source: String, title: String, content: [Inline])
}

extension Array where Element == Inline {
  /// The text of the inlines without any markup: what a reader sees.
  public var plainText: String {
    map(\.plainText).joined()
  }
}

extension Inline {
  /// The text of the inline without any markup.
  public var plainText: String {
    switch self {
    case .text(let text), .code(let text): text
    case .softBreak, .lineBreak: " "
    case .html: ""
    case .emphasis(let content), .strong(let content): content.plainText
    case .link(_, _, let content), .image(_, _, let content): content.plainText
    }
  }
}
