import Foundation
import TestSupport
import Testing

@testable import SiteExport

/// `HTMLText.plainText(ofHTML:)` reads bytes and undoes the entities in one pass; on what cmark
/// writes (tags in ASCII, `<` and `>` in text as entities) it must give what the definition it
/// replaced gave: tags dropped character by character, then the five entities replaced one
/// after the other, `&amp;` last. The two differ on purpose where a combining mark follows a
/// tag's `<` or `>`: Swift reads the two as one character, so the old reading missed the tag's
/// end and dropped the text after it; the bytes keep it.
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

  @Test func fragmentsWithoutMarksOnTagsReadAsBefore() {
    let pieces = [
      "<code>", "</code>", "<em>", "</em>", "<a href=\"x.html#y\">", "</a>", "&lt;", "&gt;",
      "&quot;", "&#39;", "&amp;", "&amp;lt;", "&", "&l", "t;", "amp;", ";", "word", " ",
      "caf\u{E9}", "\u{1F600}", "{socket_error,econnreset}", "#",
    ]
    var generator = SeededRandom(seed: 3)
    for _ in 0..<5_000 {
      var html = ""
      for _ in 0..<generator.next(below: 32) {
        html += pieces[generator.next(below: pieces.count)]
      }
      #expect(HTMLText.plainText(ofHTML: html) == Self.reference(html), "\(html.debugDescription)")
    }
  }

  @Test func aMarkAfterATagNoLongerHidesTheText() {
    let html = "<code>x</code>\u{301}y"
    #expect(HTMLText.plainText(ofHTML: html) == "x\u{301}y")
    #expect(Self.reference(html) == "x", "the character reading took `>\u{301}` for text")
  }
}
