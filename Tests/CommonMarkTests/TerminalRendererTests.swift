import Testing

@testable import CommonMark

@Suite struct TerminalRendererTests {
  let sample = MarkdownDocument(
    parsing: """
      # A heading that is long enough to need wrapping on a narrow terminal

      The broker logs `client unexpectedly closed TCP connection` when a client goes away without
      closing its AMQP connection first, which happens **often** when *processes* are killed. See
      [the networking guide](https://www.rabbitmq.com/docs/networking).

      1. First step with quite a few words in it so that it wraps onto a second line for sure.
      2. Second step.

      - nested
        - deeper item

      > A quote.

      ```sh
      rabbitmqctl list_connections name timeout state recv_oct send_oct peer_host peer_port connected_at
      ```
      """)

  @Test(arguments: [40, 60, 80])
  func proseFitsTheWidth(width: Int) {
    let text = TerminalRenderer(width: width, style: .plain).render(sample.blocks)
    for line in text.split(separator: "\n") where !line.hasPrefix("    rabbitmqctl") {
      // Only a line holding a single unbreakable item (a code span, a URL) may be wider.
      let single = line.wholeMatch(of: /\s*(`[^`]+`|\S+)/) != nil
      #expect(line.count <= width || single, "too wide: \(line)")
    }
  }

  @Test func plainStyleHasNoEscapeCodesAndMarksCodeWithBackticks() {
    let text = TerminalRenderer(width: 80, style: .plain).render(sample.blocks)
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("`client unexpectedly closed TCP connection`"))
    #expect(text.contains("(https://www.rabbitmq.com/docs/networking)"))
    #expect(text.contains("1. First step"))
    #expect(text.contains("2. Second step."))
    #expect(text.contains("  - deeper item"))
    #expect(text.contains("> A quote."))
  }

  @Test func codeSpansAreNeverSplitAcrossLines() {
    let text = TerminalRenderer(width: 40, style: .plain).render(sample.blocks)
    #expect(text.contains("`client unexpectedly closed TCP connection`"))
  }

  @Test func codeBlocksAreIndentedAndNotWrapped() {
    let text = TerminalRenderer(width: 40, style: .plain).render(sample.blocks)
    #expect(
      text.contains(
        "    rabbitmqctl list_connections name timeout state recv_oct send_oct peer_host peer_port connected_at"
      ))
  }

  @Test func ansiStyleMarksUpAndResets() {
    let text = TerminalRenderer(width: 80, style: .ansi).render(sample.blocks)
    #expect(text.contains("\u{1B}[1m"))
    #expect(text.contains("\u{1B}[0m"))
    let visible = text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    for line in visible.split(separator: "\n") where !line.hasPrefix("    rabbitmqctl") {
      #expect(line.count <= 80, "too wide without escapes: \(line)")
    }
  }
}
