import Testing

@testable import CommonMark

/// Hostile nesting is measured without recursion and read only to a safe depth, so that no walk
/// over the blocks runs out of stack; ordinary documents are read whole.
@Suite struct DeepNestingTests {
  static let hostile: [(name: String, source: String)] = [
    ("quotes", String(repeating: "> ", count: 40_000) + "deep"),
    (
      "lists",
      (0..<5_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
    ),
    (
      "emphasis",
      String(repeating: "*a ", count: 20_000) + "x" + String(repeating: " a*", count: 20_000)
    ),
    (
      "links",
      String(repeating: "[", count: 20_000) + "x" + String(repeating: "](u)", count: 20_000)
    ),
  ]

  /// The depth of the copied blocks, walked with an explicit stack.
  static func copiedDepth(_ blocks: [Block]) -> Int {
    var deepest = 0
    var stack = blocks.map { ($0, 1) }
    while let (block, depth) = stack.popLast() {
      deepest = max(deepest, depth)
      switch block.kind {
      case .blockQuote(let children): stack += children.map { ($0, depth + 1) }
      case .list(_, _, let items): stack += items.flatMap { $0.map { ($0, depth + 2) } }
      default: break
      }
    }
    return deepest
  }

  @Test(arguments: hostile.map(\.name))
  func aHostileDocumentIsMeasuredAndReadInPart(name: String) throws {
    let source = try #require(Self.hostile.first { $0.name == name }).source
    let document = MarkdownDocument(parsing: source)
    #expect(
      document.nesting > MarkdownDocument.maximumNesting || name == "emphasis" || name == "links",
      "\(name): \(document.nesting)")
    #expect(Self.copiedDepth(document.blocks) <= MarkdownDocument.maximumNesting)
    // Rendering the copied blocks for the terminal must not run out of stack either.
    _ = TerminalRenderer(width: 80, style: .plain).render(document.blocks)
  }

  @Test func anOrdinaryDocumentIsReadWhole() {
    let document = MarkdownDocument(
      parsing: "# T\n\n> a quote\n> - with a list\n>   - nested *and **strong** text*\n")
    #expect(!document.isTooDeep)
    #expect(document.nesting >= 4 && document.nesting < 10, "\(document.nesting)")
    #expect(Self.copiedDepth(document.blocks) == 6)  // quote, list, item, list, item, paragraph
  }
}
