import Foundation
import Testing

@testable import SiteExport

/// `HTMLText.plainText(ofHTML:)` reads bytes and undoes the entities in one pass; on what cmark
/// writes (tags in ASCII, `<` and `>` in text as entities) it must give what the definition it
/// replaced gave: tags dropped character by character, then the five entities replaced one
/// after the other, `&amp;` last.
@Suite struct PlainTextTests {
  static func reference(_ html: String) -> String {
    var text = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    return text.replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
  }

  @Test func generatedFragmentsReadAsBefore() {
    let pieces = [
      "<code>", "</code>", "<em>", "</em>", "<a href=\"x.html#y\">", "</a>", "&lt;", "&gt;",
      "&quot;", "&#39;", "&amp;", "&amp;lt;", "&", "&l", "t;", "amp;", ";", "word", " ",
      "caf\u{E9}", "\u{1F600}", "{socket_error,econnreset}", "#",
    ]
    var state: UInt64 = 3
    var checked = 0
    for _ in 0..<5_000 {
      var html = ""
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for _ in 0..<Int(state >> 59) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        html += pieces[Int(state >> 33) % pieces.count]
      }
      #expect(HTMLText.plainText(ofHTML: html) == Self.reference(html), "\(html.debugDescription)")
      checked += 1
    }
    #expect(checked == 5_000)
  }
}
