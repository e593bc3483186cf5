import ErrorSearch
import Foundation
import GuideKit
import SiteExport
import TestSupport
import Testing

/// What a reader does with the exported site, in a real headless Chromium driven by Selenium
/// (`Browser/site_interactions.py`), checked against the command line: search as you type on
/// the search page and in every page's header (every dev-set line, and one no guide explains),
/// a pasted traceback, `/` and the arrow keys, the theme switch remembered, the print style
/// sheet, copy buttons, the contents, the index's tag filter and pages that fit 390 px.
@Suite(
  .serialized,
  .enabled(
    if: SiteCheck.shouldRun,
    "no .venv-site (run: bash .ci/site-python): interaction tests skipped"
  ))
struct SiteInteractionTests {
  struct Query: Codable {
    var id: String
    var text: String
    var ids: [String] = []
    var confident = false
  }

  struct FilterTag: Codable {
    var tag: String
    var count: Int
  }

  struct Expected: Codable {
    var queries: [Query]
    var guide: String
    var arrowQuery: String
    var filterTag: FilterTag
    var guideCount: Int
    var pages: [String]
  }

  struct Report: Decodable {
    struct Check: Decodable {
      var name: String
      var problems: [String]
    }
    var ok: Bool
    var checks: [Check]
  }

  /// The checks, run once in one browser for the tests that read them.
  static let report: Result<Report, any Error> = Result {
    let (site, library) = try SiteAccessibilityTests.site.get()
    let index = SearchIndex(documents: library.searchDocuments)
    let text = try Fixtures.text("dev-errors.jsonl", in: Fixtures.eval)
    var queries = try text.split(separator: "\n").map {
      let line = try JSONDecoder().decode(BrowserTests.Line.self, from: Data($0.utf8))
      return Query(id: line.id, text: line.text)
    }
    // A line that no guide explains: the page must say so, as the command line does.
    queries.append(
      Query(id: "unexplained", text: "the coffee machine on floor three is empty again"))
    for position in queries.indices {
      let answer = index.search(queries[position].text)
      queries[position].ids = answer.results.map(\.id)
      queries[position].confident = answer.confident
    }
    let tags = Dictionary(grouping: library.guides.flatMap(\.frontMatter.tags), by: { $0 })
    let tag = try #require(tags.filter { $0.value.count >= 2 }.keys.sorted().first)
    let expected = Expected(
      queries: queries, guide: SiteAccessibilityTests.guideID,
      arrowQuery: "connection reset by peer",
      filterTag: FilterTag(tag: tag, count: tags[tag]?.count ?? 0),
      guideCount: library.guides.count,
      pages: try SiteAccessibilityTests.pages(library).map(\.path))
    let file = try TestSite.temporaryDirectory() + "/expected.json"
    try JSONEncoder().encode(expected).write(to: URL(fileURLWithPath: file))
    return try SiteCheck.run("interactions", site: site, ["--expected", file], as: Report.self)
  }

  /// The problems of check `name`, which must have run.
  static func problems(_ name: String) throws -> [String] {
    let report = try Self.report.get()
    return try #require(report.checks.first { $0.name == name }, "no check \(name)").problems
  }

  @Test(arguments: [
    "search-page-as-you-type", "header-as-you-type", "header-paste-keeps-lines",
    "slash-focuses-search", "arrows-choose-results", "theme-switch-remembered", "print-stylesheet",
    "copy-buttons", "contents-links", "contents-sticky-and-folded", "tag-filter", "fits-390-px",
    "troubleshooter-without-javascript",
  ])
  func aReaderCan(_ check: String) throws {
    for problem in try Self.problems(check) { Issue.record("\(check): \(problem)") }
  }

  @Test func everyCheckRan() throws {
    let report = try Self.report.get()
    #expect(report.checks.count == 13)
    #expect(report.ok == report.checks.allSatisfy(\.problems.isEmpty))
  }
}
