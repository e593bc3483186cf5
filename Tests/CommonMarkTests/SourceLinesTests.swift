import TestSupport
import Testing

@testable import CommonMark

/// `sourceLines` cuts the source at its line feeds (a `\r` stays with its line) and joins the
/// lines asked for; past the last line it gives what there is, or nothing.
@Suite struct SourceLinesTests {
  /// The definition: split at every line feed, keep the lines asked for, join them again.
  static func reference(_ source: String, _ lines: ClosedRange<Int>) -> String {
    let parts = source.utf8.split(separator: 10, omittingEmptySubsequences: false)
      .map { String(Substring($0)) }
    let lower = max(lines.lowerBound, 1)
    guard lower <= lines.upperBound, lower <= parts.count else { return "" }
    return parts[(lower - 1)..<min(lines.upperBound, parts.count)].joined(separator: "\n")
  }

  @Test func everyRangeOfGeneratedSourcesIsItsLines() {
    let pieces = ["a", "é", "# t", "\n", "\n", "\r\n", "\r", " ", "```", "😀", ""]
    var random = SeededRandom(seed: 4)
    var sources = ["", "\n", "x", "x\n", "\n\nx"]
    for _ in 0..<400 {
      sources.append(
        (0..<random.next(below: 16)).map { _ in pieces[random.next(below: pieces.count)] }.joined())
    }
    for source in sources {
      let document = MarkdownDocument(parsing: source)
      let count = source.utf8.filter { $0 == 10 }.count + 1
      for lower in 0...(count + 1) {
        for upper in lower...(count + 2) {
          #expect(
            document.sourceLines(lower...upper) == Self.reference(source, lower...upper),
            "\(source.debugDescription) \(lower)...\(upper)")
        }
      }
    }
  }
}
