import Testing

@testable import SiteExport

/// `HTMLEscaping` must escape exactly as swift-mustache's HTML content type does: each
/// `Character` that is one of `< > & " '` is replaced, and a character that combines one of
/// them with a following mark is not.
@Suite struct HTMLEscapingTests {
  /// swift-mustache's definition (`String.htmlEscape`).
  static func reference(_ text: String) -> String {
    let table: [Character: String] = [
      "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;",
    ]
    var out = ""
    for character in text { out += table[character] ?? String(character) }
    return out
  }

  static let chosen = [
    "", "plain", "a < b", "<script>alert('x')</script>", "\"quoted\" & 'single'", "&amp;",
    "caf\u{E9} <b>", "<\u{338} combined", "x\r\n<y>", "\u{1F600}&", "'", "<<>>&&\"\"''",
    "tab\t<", "e\u{301}'",
  ]

  @Test func chosenTextsAreEscapedAsMustacheDoes() {
    for text in Self.chosen {
      #expect(HTMLEscaping().escapeText(text) == Self.reference(text), "\(text.debugDescription)")
    }
  }

  @Test func generatedTextsAreEscapedAsMustacheDoes() {
    let alphabet = Array("ab <>&\"'\r\n\u{E9}\u{301}\u{338}")
    var state: UInt64 = 42
    for _ in 0..<3_000 {
      var text = ""
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for _ in 0..<Int(state >> 60) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(state >> 33) % alphabet.count])
      }
      #expect(HTMLEscaping().escapeText(text) == Self.reference(text), "\(text.debugDescription)")
    }
  }
}
