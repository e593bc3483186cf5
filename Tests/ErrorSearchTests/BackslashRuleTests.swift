import Foundation
import Testing

@testable import ErrorSearch

/// The rule that drops the backslashes escaping a quote no longer starts a match inside a run of
/// backslashes (which made a long run cost time growing with its square); it must still give
/// exactly what the former pattern gave.
@Suite struct BackslashRuleTests {
  /// The former pattern, kept here as the definition.
  static func applyDefinition(_ text: String) throws -> String {
    let definition = try NSRegularExpression(pattern: #"\\+(["'])"#, options: [.caseInsensitive])
    return definition.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1")
  }

  static func applyRule(_ text: String) throws -> String {
    let rule = try #require(
      QueryNormalizer.unescaping.first { $0.pattern.hasSuffix(#"\\+(["'])"#) })
    return rule.expression.compiled.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: rule.replacement)
  }

  @Test func generatedTextsGiveWhatTheDefinitionGives() throws {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [Character] = ["\\", "\\", "\\", "'", "\"", "a", " ", "\n", "u", "n"]
    for _ in 0..<2_000 {
      let length = Int.random(in: 0...40, using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
      #expect(try Self.applyRule(text) == Self.applyDefinition(text), "\(text.debugDescription)")
    }
  }

  @Test func aLongRunIsNormalisedLikeAShortOne() {
    let long = String(repeating: "\\", count: 16_000) + "'queue' \\\\\"x\\\" PRECONDITION_FAILED"
    let short = "\\\\\\'queue' \\\\\"x\\\" PRECONDITION_FAILED"
    #expect(QueryNormalizer.normalize(long) == QueryNormalizer.normalize(short))
  }
}
