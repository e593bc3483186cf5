import TestSupport
import Testing
import Yams

@testable import GuideKit

/// The resolver's first rule (`YAMLDocument.plainText`) only saves time: every text must get
/// the tag that the other rules alone give it (Yams' default rules with YAML 1.2 booleans).
@Suite struct ResolverTests {
  /// The resolver without the first rule: the definition.
  static let reference: Resolver = {
    let booleans = "^(?:true|True|TRUE|false|False|FALSE)$"
    return (try? Resolver.default.replacing(.bool, with: booleans)) ?? .default
  }()

  static func tags(_ text: String) -> (Yams.Tag.Name, Yams.Tag.Name) {
    let node = Node(text)
    return (YAMLDocument.resolver.resolveTag(of: node), reference.resolveTag(of: node))
  }

  /// Texts at the edges of every rule: booleans, nulls, numbers, dates, merge and value keys,
  /// with and without a final line break, and text that starts like them.
  static let chosen: [String] = {
    let words = [
      "", "~", "null", "Null", "NULL", "nul", "nulls", "true", "True", "TRUE", "tRUE", "false",
      "False", "FALSE", "yes", "no", "on", "off", "id", "title", "errors", "x", "Z", "0", "1",
      "-1", "+1", "0x1F", "0o17", "0b101", "1_000", "1.5", ".5", "-.inf", ".nan", ".NaN",
      "1:30", "2026-12-06", "2026-12-06T10:00:00Z", "<<", "<", "=", "==", "-", "+", ".", " x",
      "\tx", "é", "Évian", "ü", "'quoted'", "\"q\"", "{a}", "[b]", "/path", "(x)", "#", "@",
      "\u{2028}", "\u{85}", "\u{0B}", "\u{0C}",
    ]
    let endings = ["", "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", " ", "\n\n"]
    return words.flatMap { word in endings.map { word + $0 } }
  }()

  @Test func chosenTextsKeepTheirTags() {
    for text in Self.chosen {
      let (fast, reference) = Self.tags(text)
      #expect(fast == reference, "\(text.debugDescription)")
    }
  }

  @Test func generatedTextsKeepTheirTags() {
    let alphabet = Array("aeflnrstuyATFNLRSUE019._-+:<=~ \t\n\r'\"é\u{2028}")
    var state: UInt64 = 0x5EED
    for _ in 0..<3_000 {
      var text = ""
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for _ in 0..<Int(state >> 61) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(state >> 33) % alphabet.count])
      }
      let (fast, reference) = Self.tags(text)
      #expect(fast == reference, "\(text.debugDescription)")
    }
  }

  /// `YAMLDocument.isNull(plain:)` answers for the resolver without running it: wherever it
  /// answers, its answer is the resolver's, on every text of up to two printable ASCII
  /// characters, the chosen texts, generated ones and long ones.
  @Test func theNullShortcutAgreesWithTheResolver() {
    let printable = (0x20...0x7E).map { String(Unicode.Scalar(UInt8($0))) }
    var texts = Self.chosen + printable + [""]
    for first in printable { for second in printable { texts.append(first + second) } }
    let alphabet = Array("nulNUL~ l")
    var random = SeededRandom(seed: 5)
    for _ in 0..<5_000 {
      texts.append(
        String(
          (0..<random.next(below: 9)).map { _ in alphabet[random.next(below: alphabet.count)] }))
    }
    var answered = 0
    for text in texts {
      guard let isNull = YAMLDocument.isNull(plain: text) else { continue }
      answered += 1
      let tag = YAMLDocument.resolver.resolveTag(of: Node(text))
      #expect(isNull == (tag == .null), "\(text.debugDescription)")
    }
    #expect(answered > 9_000)
    // Text with a line break, or outside ASCII, is left to the resolver.
    for text in ["null\n", "~\r", "\u{2028}", "é", "\t"] {
      #expect(YAMLDocument.isNull(plain: text) == nil, "\(text.debugDescription)")
    }
  }
}
