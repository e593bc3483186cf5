import Foundation
import TestSupport
import Testing

@testable import ErrorSearch

/// The normaliser runs its rules line by line and skips rules a line cannot match; these tests
/// hold it to the plain definition: every rule over the whole text, in order.
@Suite struct QueryNormalizerLineByLineTests {
  /// The rules applied to the whole text, with no line splitting and no skipping.
  static func reference(_ text: String) -> String {
    var text = QueryNormalizer.clipped(text)
    func apply(_ rule: QueryNormalizer.Rule) {
      text = rule.expression.compiled.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: rule.replacement)
    }
    QueryNormalizer.unescaping.forEach(apply)
    QueryNormalizer.identifierSplitting.forEach(apply)
    text = text.lowercased()
    QueryNormalizer.noise.forEach(apply)
    var words: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.joined(separator: " ")
  }

  /// The rules compile when first used, not at start-up; each must compile, in ICU's syntax.
  @Test func everyRuleCompiles() {
    let rules =
      QueryNormalizer.unescaping + QueryNormalizer.identifierSplitting + QueryNormalizer.noise
    for rule in rules {
      #expect(rule.expression.compiled.pattern == rule.pattern)
      let options = rule.expression.compiled.options
      #expect(options.contains(.caseInsensitive) == rule.caseInsensitive, "\(rule.pattern)")
    }
  }

  @Test(arguments: [
    // An earlier rule empties what stands between an arrow and a line break.
    "x -> 10:20:30\n- foo bar",
    "closing AMQP connection <0.680.0> (127.0.0.1:41836 ->\n  - app-rst, vhost: '/'):\n",
    "a ->\r\n-\r\nname, rest",
    "Σ ΣΑΣ NoRouteToHostException\nÉCOLE ０１２:３４ ٣:٤٥",
    "line one\n\n\nline \\u003c two\\n &amp; 'user' 'x'\nfd=12 0x7f :5672",
    "=ERROR REPORT==== 30-May-2017::04:32:15 ===\nclosing <rabbit@host.1.2.0>\n{handshake_timeout,handshake}",
    // The two rules that look for a word, in any case, and beside text outside ASCII.
    "queue 'AMQ.Gen-Xy_z-1' in vhost '/'\nAmq.gEN-abc and amq.gen-\nno-amq.gen-q",
    "CONNECTION_FORCED - broker forced connection closure\nConnection_Forced - x 'y'",
    "caf\u{E9} amq.gen-\u{C9}t\u{E9} - connection_forced - \u{212A}\nconnection-forced - z",
  ])
  func matchesTheWholeTextDefinition(_ text: String) {
    #expect(QueryNormalizer.normalize(text) == Self.reference(text))
  }

  @Test func matchesTheWholeTextDefinitionOnGeneratedTexts() {
    // A fixed-seed generator over the characters the rules look for, line breaks included.
    let pieces = [
      "->", "-", " ", "\n", "\r\n", "\t", ":", "::", "'", "\"", "=", "<", ">", "[", "]", ".", ",",
      ")", "\\", "\\n", "\\u0041", "&lt;", "0x1f", "fd=3", "2026-11-23", "04:46:25", "127.0.0.1",
      "fe80::1", "60s", "5 seconds", "user", "vhost", "for user", "connection_forced", "jan", "12",
      "NoRoute", "AMQPError", "ÉTÉ", "Σ", "٣", "word", "x", "jan", "ſ", "ſec", "ß", "K", "0X", "0",
      "5", "ms", "S", "1234", "12:30", "1.2", "<0.1.2>", "fd", "'guest'", "\"x\"", "vhost: ", "ab",
      "XYz", "e4", "seconds", "::", "30-may-2017", "amq.gen-", "AMQ.GEN-", "Amq.gen", "a1-b_",
      "CONNECTION_FORCED", "Connection_forced",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    for _ in 0..<3000 {
      let text = (0..<(5 + next() % 40)).map { _ in pieces[next() % pieces.count] }.joined()
      #expect(QueryNormalizer.normalize(text) == Self.reference(text), "\(text.debugDescription)")
    }
  }

  /// Texts made of what the rules look for and what their features test, at random with a
  /// fixed seed: digits of other scripts, characters that fold to ASCII letters, separators.
  static func generatedTexts(count: Int, seed: UInt64) -> [String] {
    let pieces = [
      "[", "]", "[a", "[1", "[:", "[.", "[g", "]:80", "a:", ":b", "ff:", "::1", "fe80::1", ":",
      "g:",
      "1.2.3.4", "1.2.3", ".", "1", "٣", "١٢٣٤", "fd=", "FD=", "Fd=1", "d=2", "=", "jan  1 ",
      "Dec 12 ", "mAy 3 ", "sep", " ", "  ", "user ", "USER", "uSer", "vhost", "VHost", "vhos",
      "'", "''", "2026/12/06", "2026-12-06", "2026", "/", "-", "ſ", "é", "\u{212A}", "_",
      "connection_forced", "CONNECTION_FORCED: \"x\"", "\"", "connection-forced", "x", "\n",
      "\\u003C",
      "12:30:00", "0x", "ms", "5s", "<0.1.2>", "<", ">", "->", "amq.gen-", "\\", "&lt;", ";",
    ]
    var random = SeededRandom(seed: seed)
    return (0..<count).map { _ in
      (0..<(1 + random.next(below: 12))).map { _ in pieces[random.next(below: pieces.count)] }
        .joined()
    }
  }

  /// Each rule's features are necessary: wherever its expression finds a match, in generated
  /// text and in every line of the shipped guides (as written and lowercased), the text has
  /// every feature the rule needs, so skipping a text without them changes nothing.
  @Test func everyMatchHasTheFeaturesItsRuleNeeds() throws {
    let rules =
      QueryNormalizer.unescaping + QueryNormalizer.identifierSplitting + QueryNormalizer.noise
    var texts = Self.generatedTexts(count: 20_000, seed: 7)
    let guides = Fixtures.content.appendingPathComponent("guides").path
    for name in try FileManager.default.contentsOfDirectory(atPath: guides) {
      let text = try String(contentsOfFile: guides + "/" + name, encoding: .utf8)
      for line in text.split(separator: "\n") {
        texts.append(String(line))
        texts.append(line.lowercased())
      }
    }
    var matched = Set<String>()
    for text in texts {
      let features = TextFeatures(of: text)
      for rule in rules {
        let range = NSRange(text.startIndex..., in: text)
        guard rule.expression.compiled.firstMatch(in: text, range: range) != nil else { continue }
        matched.insert(rule.pattern)
        #expect(features.contains(rule.needs), "\(rule.pattern) in \(text.debugDescription)")
      }
    }
    // Every rule matched somewhere, so none was checked on nothing.
    #expect(matched.count == rules.count, "\(Set(rules.map(\.pattern)).subtracting(matched))")
  }

  /// The line-by-line normaliser equals the whole-text definition on the same kind of texts.
  @Test func matchesTheWholeTextDefinitionOnTextsAroundTheFeatures() {
    for text in Self.generatedTexts(count: 3_000, seed: 8) {
      #expect(QueryNormalizer.normalize(text) == Self.reference(text), "\(text.debugDescription)")
    }
  }

  /// Lowercasing an ASCII line keeps its features but the case-sensitive ones, which the
  /// normaliser relies on to skip finding them again.
  @Test func anASCIILineInLowercaseHasTheSameFeaturesButCase() {
    var random = SeededRandom(seed: 9)
    let ascii = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) } + ["\t"]
    var texts = Self.generatedTexts(count: 5_000, seed: 10).filter {
      $0.utf8.allSatisfy { $0 < 0x80 }
    }
    for _ in 0..<5_000 {
      texts.append(
        String((0..<random.next(below: 30)).map { _ in ascii[random.next(below: ascii.count)] }))
    }
    for text in texts {
      let features = TextFeatures(of: text)
      #expect(!features.contains(.nonASCII))
      #expect(
        TextFeatures(of: text.lowercased()) == features.subtracting(.caseSensitive),
        "\(text.debugDescription)")
    }
    #expect(TextFeatures(of: "é").contains(.nonASCII))
  }

  /// A rule written in Swift replaces what its expression replaces, in generated text with
  /// letters of every case, digits and characters outside ASCII, and in the shipped guides.
  @Test func nativeRulesReplaceWhatTheirExpressionsReplace() throws {
    let rules =
      (QueryNormalizer.unescaping + QueryNormalizer.identifierSplitting
      + QueryNormalizer.noise).filter { $0.native != nil }
    #expect(rules.count == 2)
    let pieces = [
      "a", "b", "z", "A", "B", "Z", "0", "9", "AB", "ABc", "aB", "XYz", "é", "É", "Σσ", "ß", "ǅ",
      "\u{301}", " ", "_", "-", "\n", "😀", "ﬁ", "Ａ", "ａ",
    ]
    var random = SeededRandom(seed: 12)
    var texts = (0..<5_000).map { _ in
      (0..<random.next(below: 14)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
    }
    let guides = Fixtures.content.appendingPathComponent("guides").path
    for name in try FileManager.default.contentsOfDirectory(atPath: guides) {
      let text = try String(contentsOfFile: guides + "/" + name, encoding: .utf8)
      texts += text.split(separator: "\n").map(String.init)
    }
    for rule in rules {
      guard let native = rule.native else { continue }
      for text in texts {
        #expect(
          native(text) == rule.replacingWithExpression(text),
          "\(rule.pattern) \(text.debugDescription)")
      }
    }
  }
}
