import Foundation
import GuideKit
import SiteExport
import Testing

/// The exported site, served on loopback, in a real headless Chromium driven by Selenium
/// (`Browser/site_check.py`): axe-core on one page of each kind in the light and the dark theme
/// (no serious or critical violation, and the theme shows), full-page screenshots in
/// `artefacts/site/`, a troubleshooter walked with the keyboard alone, and no console errors or
/// warnings on any page. Each run of the script starts the browser once for all its pages.
@Suite(
  .serialized,
  .enabled(
    if: SiteCheck.shouldRun,
    "no .venv-site (run: bash .ci/site-python): accessibility tests skipped"
  ))
struct SiteAccessibilityTests {
  /// One page of each kind, with the name its screenshots get.
  struct Page: Sendable {
    var name: String
    var path: String
  }

  /// The shipped guides exported once for this suite alone, with the library they came from.
  static let site: Result<(path: String, library: ContentLibrary), any Error> = Result {
    try TestSite.exportShipped()
  }

  /// The guide whose guide page, troubleshooter and first tag stand for their kinds.
  static let guideID = "econnreset"

  /// The home page, a guide, its troubleshooter, the error strings, the search page, its first
  /// tag's page and the 404 page.
  static func pages(_ library: ContentLibrary) throws -> [Page] {
    let guide = try #require(library.guides.first { $0.id == guideID })
    let tag = try #require(guide.frontMatter.tags.first, "\(guideID) has no tag")
    return [
      Page(name: "home", path: "index.html"),
      Page(name: "guide", path: "guides/\(guideID).html"),
      Page(name: "troubleshooter", path: "troubleshoot/\(guideID).html"),
      Page(name: "errors", path: "errors.html"),
      Page(name: "search", path: "search.html"),
      Page(name: "tag", path: "tags/\(tag).html"),
      Page(name: "not-found", path: "404.html"),
    ]
  }

  /// axe-core on every kind of page in both themes, run once for the tests that read it.
  static let axe: Result<SiteCheck.AxeReport, any Error> = Result {
    let (path, library) = try SiteAccessibilityTests.site.get()
    let arguments = try SiteAccessibilityTests.pages(library).flatMap { ["--page", $0.path] }
    return try SiteCheck.run("axe", site: path, arguments, as: SiteCheck.AxeReport.self)
  }

  @Test func noSeriousOrCriticalAxeViolationOnAnyKindOfPageInEitherTheme() throws {
    let report = try Self.axe.get()
    let (_, library) = try Self.site.get()
    #expect(report.results.count == (try Self.pages(library)).count * 2)
    for result in report.results {
      for violation in result.violations {
        Issue.record(
          """
          \(result.page) (\(result.theme), axe \(result.axe)): \(violation.id) \
          [\(violation.impact)] \(violation.help); \(violation.nodes) elements: \
          \(violation.targets.joined(separator: " | "))
          """)
      }
    }
  }

  @Test func eachThemeShowsOnEveryKindOfPage() throws {
    for result in try Self.axe.get().results {
      let state = result.themeState
      #expect(
        state.applied,
        """
        \(result.page) in the \(result.theme) theme: background \(state.background) \
        (data-theme \(state.dataTheme ?? "none"), stored \(state.stored ?? "none"))
        """)
    }
  }

  @Test func screenshotsOfEachKindOfPageAtBothWidthsInBothThemes() throws {
    let (site, library) = try Self.site.get()
    let pages = try Self.pages(library)
    let folder = TestSite.repository.appendingPathComponent("artefacts/site").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let report = try SiteCheck.run(
      "screenshots", site: site,
      ["--out", folder] + pages.flatMap { ["--page", "\($0.name)=\($0.path)"] },
      as: SiteCheck.ScreenshotReport.self)
    let expected = Set(
      pages.flatMap { page in
        [390, 1280].flatMap { width in ["light", "dark"].map { "\(page.name)-\(width)-\($0).png" } }
      })
    #expect(
      Set(report.screenshots.map { URL(fileURLWithPath: $0.file).lastPathComponent }) == expected)
    let signature = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    for name in expected.sorted() {
      let data = FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
      #expect(data.count > signature.count && data.prefix(8) == signature, "\(name): not a PNG")
    }
  }

  /// The troubleshooter of ``guideID`` walked with the keyboard, once for the tests that read it.
  static let walk: Result<SiteCheck.WalkReport, any Error> = Result {
    try SiteCheck.run(
      "keyboard-walk", site: try SiteAccessibilityTests.site.get().path,
      ["--page", "troubleshoot/\(guideID).html"],
      as: SiteCheck.WalkReport.self)
  }

  @Test func theTroubleshooterWalksToACauseWithTabAndEnterAlone() throws {
    let guide = try #require(try Self.site.get().library.guides.first { $0.id == Self.guideID })
    let report = try Self.walk.get()
    let keys = report.keys.map { "\($0.key) → \($0.focus)" }.joined(separator: "\n  ")
    #expect(report.problem == nil, "\(report.problem ?? ""); keys:\n  \(keys)")
    #expect(report.keys.allSatisfy { ["Tab", "Enter"].contains($0.key) })
    let cause = try #require(report.cause, "no cause reached; keys:\n  \(keys)")
    #expect(guide.frontMatter.causes.map { "cause-\($0.id)" }.contains(cause))
    // Each Enter took the answer that had the focus to the step the tree names for it.
    let tree = guide.frontMatter.tree
    #expect(report.walked.first == "node-\(tree.start)")
    let taken = zip(report.keys, report.keys.dropFirst()).filter { $0.1.key == "Enter" }.map {
      $0.0.answer
    }
    try #require(taken.count == report.walked.count - 1, "\(report.walked); keys:\n  \(keys)")
    for (index, answer) in taken.enumerated() {
      let node = try #require(tree.node(String(report.walked[index].dropFirst("node-".count))))
      let next: String? =
        switch answer.flatMap({ node.answers[$0]?.destination }) {
        case .node(let id): "node-\(id)"
        case .cause(let id): "cause-\(id)"
        case nil: nil
        }
      #expect(report.walked[index + 1] == next, "\(node.id) answered \(answer ?? "nothing")")
    }
    print("keyboard walk of \(report.page) to \(cause):\n  \(keys)")
  }

  @Test func theTroubleshooterShowsOneStepAtATimeOnTheKeyboardWalk() throws {
    for step in try Self.walk.get().crowded {
      Issue.record(
        "\(step.current) was shown with \(step.others.joined(separator: ", ")) beside it")
    }
  }

  @Test func noPageOfTheExportLogsAnErrorOrAWarning() throws {
    let (site, _) = try Self.site.get()
    let pages = (FileManager.default.subpaths(atPath: site) ?? []).filter { $0.hasSuffix(".html") }
      .sorted()
    #expect(pages.count > 10, "\(pages)")
    let report = try SiteCheck.run(
      "console", site: site, pages.flatMap { ["--page", $0] }, as: SiteCheck.ConsoleReport.self)
    #expect(report.pages.map(\.page) == pages)
    for page in report.pages {
      for message in page.messages {
        Issue.record("\(page.page): \(message.level) \(message.message)")
      }
    }
  }
}
