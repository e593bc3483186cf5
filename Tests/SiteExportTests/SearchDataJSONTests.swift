import ErrorSearch
import Foundation
import Testing

@testable import SiteExport

/// The search index's JSON, written in slices and partly by hand, must be the bytes
/// `JSONEncoder` writes for the whole value.
@Suite struct SearchDataJSONTests {
  /// Documents whose texts hold what JSON escapes: quotes, backslashes, slashes, control
  /// characters, text beyond ASCII.
  static let documents: [SearchDocument] = (0..<40).map { number in
    let texts = [
      "plain \(number)", "quote \" and backslash \\ and slash /", "tab\there, bell\u{7}",
      "caf\u{E9} \u{2028} \u{1F600}", "DEL \u{7F} <tag> & 'single'",
    ]
    return SearchDocument(
      id: "guide-\(number)", title: texts[number % texts.count] + " title",
      summary: "Summary \(number).",
      signatures: [texts[(number + 1) % texts.count], "x y \(number)"],
      body: texts.joined(separator: "\n"), followOn: number % 7 == 0)
  }

  @Test func theJSONIsJSONEncodersForTheWholeValue() throws {
    let data = SearchIndex(documents: Self.documents).browserData
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let whole = String(decoding: try encoder.encode(data), as: UTF8.self)
    #expect(try SearchDataJSON.encode(data) == whole)
  }
}
