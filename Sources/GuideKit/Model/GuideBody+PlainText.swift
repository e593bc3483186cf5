import CommonMark

extension GuideBody {
  /// The body's text without markup, one block per line: what full-text search reads.
  public var plainText: String {
    Self.plainText(of: document.blocks)
  }

  static func plainText(of blocks: [Block]) -> String {
    blocks.map { block in
      switch block.kind {
      case .heading(_, let content), .paragraph(let content): content.plainText
      case .codeBlock(_, let code): code
      case .htmlBlock: ""
      case .blockQuote(let inner): plainText(of: inner)
      case .list(_, _, let items): items.map { plainText(of: $0) }.joined(separator: "\n")
      case .thematicBreak: ""
      }
    }.joined(separator: "\n")
  }
}
