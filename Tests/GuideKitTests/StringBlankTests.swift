import Foundation
import TestSupport
import Testing

@testable import GuideKit

/// The lint's checks for blank text read Unicode properties instead of bridging to Foundation;
/// they must say what Foundation's trimming says.
@Suite struct StringBlankTests {
  @Test func blankTextIsWhatFoundationTrimsAway() {
    let pieces = [
      " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}",
      "\u{2029}", "\u{3000}", "\u{200B}", "\u{FEFF}", "x", "é", "e\u{301}", " \u{301}", "1",
    ]
    var random = SeededRandom(seed: 3)
    var texts = pieces + [""]
    for _ in 0..<5_000 {
      texts.append(
        (0..<random.next(below: 6)).map { _ in pieces[random.next(below: pieces.count)] }.joined())
    }
    for text in texts {
      #expect(
        text.isBlank == text.trimmingCharacters(in: .whitespaces).isEmpty,
        "\(text.debugDescription)")
      #expect(
        text.isBlankOrNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
        "\(text.debugDescription)")
      #expect(
        text.trimmingWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(text.debugDescription)")
    }
  }
}
