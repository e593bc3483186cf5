import Testing

@testable import CommonMark

@Suite struct MarkdownDocumentTests {
  @Test func copiesTheTreeIntoValuesWithSourceRanges() throws {
    let document = MarkdownDocument(
      parsing: """
        # Title

        Some *emphasis* and `code` with a [link](https://example.com).

        - one
        - two

        ```sh
        ss -tno
        ```
        """)
    #expect(document.blocks.count == 4)
    let heading = try #require(document.blocks.first)
    #expect(heading.kind == .heading(level: 1, content: [.text("Title")]))
    #expect(heading.range.startLine == 1)
    guard case .paragraph(let inlines) = document.blocks[1].kind else {
      Issue.record("expected a paragraph, got \(document.blocks[1].kind)")
      return
    }
    #expect(inlines.plainText == "Some emphasis and code with a link.")
    #expect(inlines.contains(.code("code")))
    #expect(
      inlines.contains(
        .link(destination: "https://example.com", title: "", content: [.text("link")])))
    guard case .list(.bullet, tight: true, let items) = document.blocks[2].kind else {
      Issue.record("expected a tight bullet list, got \(document.blocks[2].kind)")
      return
    }
    #expect(items.count == 2)
    #expect(document.blocks[3].kind == .codeBlock(info: "sh", code: "ss -tno\n"))
    #expect(document.blocks[3].range.startLine == 8)
    #expect(document.blocks[3].range.endLine == 10)
  }

  @Test func sourceTextOfBlocksSpansTheirLines() {
    let document = MarkdownDocument(parsing: "a\n\nfirst\nline\n\nsecond\n\nz")
    let middle = Array(document.blocks[1...2])
    #expect(document.sourceText(of: middle) == "first\nline\n\nsecond")
  }

  @Test(arguments: ["", "   ", "\u{0}", String(repeating: "*", count: 10_000)])
  func anyTextParses(_ text: String) {
    _ = MarkdownDocument(parsing: text)
  }
}

@Suite struct HTMLRendererTests {
  @Test func rendersMarkdownThroughCmark() {
    #expect(HTMLRenderer.render("*hi*") == "<p><em>hi</em></p>\n")
  }

  @Test func safeModeDropsRawHTMLAndScriptLinks() {
    let html = HTMLRenderer.render(
      """
      <script>alert(1)</script>

      [click](javascript:alert(1)) <img src=x onerror=alert(1)>
      """)
    #expect(!html.contains("<script"))
    #expect(!html.contains("javascript:"))
    #expect(!html.contains("onerror"))
    #expect(html.contains("raw HTML omitted"))
  }
}
