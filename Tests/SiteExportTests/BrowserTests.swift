import ErrorSearch
import Foundation
import GuideKit
import SiteExport
import TestSupport
import Testing

/// The exported site in a real headless Chromium: searches through `search.html?q=`, the
/// browser and the command line agreeing on every dev-set line, a troubleshooter walk, no
/// console output, and screenshots kept in `artefacts/`.
@Suite(
  .serialized, .enabled(if: Chromium.shouldRun, "chromium is not installed: browser tests skipped"))
struct BrowserTests {
  struct Line: Decodable {
    var id: String
    var text: String
  }

  /// The shipped guides exported for the browser tests alone, with the in-process index.
  static let site: Result<(path: String, library: ContentLibrary), any Error> = Result {
    try TestSite.exportShipped()
  }

  static func devSet() throws -> [Line] {
    let text = try Fixtures.text("dev-errors.jsonl", in: Fixtures.eval)
    return try text.split(separator: "\n").map {
      try JSONDecoder().decode(Line.self, from: Data($0.utf8))
    }
  }

  static func encoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(
      CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  /// The ids of the results `search.html` shows, and whether it said it was confident.
  static func searchPage(_ query: String, site: String) throws -> (
    ids: [String], confident: Bool, console: [String]
  ) {
    let load = try Chromium.load("file://\(site)/search.html?q=\(encoded(query))")
    let list = try #require(
      Chromium.captures(#"(<ol id="results"[^>]*>)"#, in: load.dom).first, "no results list")
    #expect(list.contains("data-state=\"done\""), "the search did not run: \(list)")
    return (
      Chromium.captures(#"<li class="result[^"]*" data-id="([^"]*)""#, in: load.dom),
      list.contains("data-confident=\"true\""), load.console
    )
  }

  @Test func searchThroughTheQueryStringMatchesTheCommandLine() throws {
    let (site, library) = try Self.site.get()
    let index = SearchIndex(documents: library.searchDocuments)
    let lines = try Self.devSet()
    // A sample through the real page and its ?q= parameter; every line is compared below.
    for line in stride(from: 0, to: lines.count, by: 5).map({ lines[$0] }) {
      let expected = index.search(line.text)
      let page = try Self.searchPage(line.text, site: site)
      #expect(page.ids.first == expected.results.first?.id, "\(line.id)")
      #expect(page.ids == expected.results.map(\.id), "\(line.id)")
      #expect(page.confident == expected.confident, "\(line.id)")
      #expect(page.console.isEmpty, "\(line.id): \(page.console)")
    }
  }

  @Test func everyDevLineGetsTheSameAnswerInTheBrowser() throws {
    let (site, library) = try Self.site.get()
    let index = SearchIndex(documents: library.searchDocuments)
    let lines = try Self.devSet()
    // A test page beside the site that runs every query in one load.
    let queries = String(decoding: try JSONEncoder().encode(lines.map(\.text)), as: UTF8.self)
    try "window.QUERIES = \(queries);\n".write(
      toFile: site + "/agreement-queries.js", atomically: true, encoding: .utf8)
    try """
    document.getElementById("out").textContent =
      JSON.stringify(window.QUERIES.map(function (q) { return window.RMQSearch.search(q, 5); }));
    """.write(toFile: site + "/agreement-run.js", atomically: true, encoding: .utf8)
    try """
    <!DOCTYPE html><meta charset="utf-8"><pre id="out"></pre>
    <script src="assets/search-data.js"></script><script src="assets/search.js"></script>
    <script src="agreement-queries.js"></script><script src="agreement-run.js"></script>
    """.write(toFile: site + "/agreement.html", atomically: true, encoding: .utf8)
    defer {
      for name in ["agreement.html", "agreement-queries.js", "agreement-run.js"] {
        try? FileManager.default.removeItem(atPath: site + "/" + name)
      }
    }
    let load = try Chromium.load("file://\(site)/agreement.html")
    #expect(load.console.isEmpty, "\(load.console)")
    let json = Chromium.unescape(
      try #require(Chromium.captures(#"<pre id="out">(.*?)</pre>"#, in: load.dom).first))
    let browser = try JSONDecoder().decode([BrowserOutcome].self, from: Data(json.utf8))
    try #require(browser.count == lines.count)
    var agreeing = 0
    for (line, answer) in zip(lines, browser) {
      let expected = index.search(line.text)
      #expect(answer.query == expected.query, "\(line.id)")
      #expect(answer.results.first?.id == expected.results.first?.id, "\(line.id): top result")
      #expect(answer.confident == expected.confident, "\(line.id): confidence")
      #expect(answer.results.map(\.id) == expected.results.map(\.id), "\(line.id): ranking")
      #expect(answer.results.map(\.score) == expected.results.map(\.score), "\(line.id): scores")
      #expect(answer.results.map(\.reason) == expected.results.map(\.reason), "\(line.id): reasons")
      if answer.results.first?.id == expected.results.first?.id { agreeing += 1 }
    }
    print(
      "browser and command line agree on the top result of \(agreeing)/\(lines.count) dev-set lines"
    )
  }

  struct BrowserOutcome: Decodable {
    struct Result: Decodable {
      var id: String
      var score: Double
      var reason: String
    }
    var query: String
    var confident: Bool
    var results: [Result]
  }

  @Test func troubleshooterWalksByItsLinksToTheCauseTheTreeGives() throws {
    let (site, library) = try Self.site.get()
    // Two guides' walks, one page load per question; the link check covers every answer.
    let walked = library.guides.filter { $0.id == "etimedout" || $0.id == library.guides.first?.id }
    #expect(walked.count == 2)
    for guide in walked {
      let tree = guide.frontMatter.tree
      var node = try #require(tree.node(tree.start))
      var answers: [String] = []
      var url = "file://\(site)/troubleshoot/\(guide.id).html"
      // Follow the last answer of each question, by the link the page shows, to a cause.
      for _ in 0..<tree.nodes.count + 1 {
        let load = try Chromium.load(url)
        #expect(load.console.isEmpty, "\(guide.id): \(load.console)")
        let current = Chromium.captures(
          #"<section class="tree-step [a-z]+ current" id="([^"]+)""#, in: load.dom)
        #expect(current == ["node-\(node.id)"], "\(guide.id) after \(answers)")
        let section = try #require(
          Chromium.captures(
            #"(<section class="tree-step question current".*?</section>)"#, in: load.dom
          ).first)
        let links = Chromium.captures(
          ##"<a class="answer" href="#([^"]+)" data-answer="[^"]+""##, in: section)
        let answerIDs = Chromium.captures(#"data-answer="([^"]+)""#, in: section)
        let answer = try #require(answerIDs.last)
        answers.append(answer)
        let target = try #require(node.answers[answer]?.destination)
        url = "file://\(site)/troubleshoot/\(guide.id).html#path=" + answers.joined(separator: "/")
        switch target {
        case .node(let next):
          #expect(links.last == "node-\(next)")
          node = try #require(tree.node(next))
          continue
        case .cause(let cause):
          #expect(links.last == "cause-\(cause)")
          let end = try Chromium.load(url)
          #expect(
            Chromium.captures(
              #"<section class="tree-step [a-z]+ current" id="([^"]+)""#, in: end.dom) == [
                "cause-\(cause)"
              ])
          // The trail lists every answer given, with a way back.
          let trail = try #require(
            Chromium.captures(#"(<nav class="trail" id="trail"[^>]*>.*?</nav>)"#, in: end.dom).first
          )
          #expect(Chromium.captures("(<li>)", in: trail).count == answers.count, "\(trail)")
          #expect(trail.contains("class=\"back\""))
        }
        break
      }
    }
  }

  @Test func noPageLogsAnythingToTheConsole() throws {
    let (site, library) = try Self.site.get()
    let guide = try #require(library.guides.first)
    let tag = try #require(guide.frontMatter.tags.first)
    for page in [
      "index.html", "errors.html", "search.html", "guides/\(guide.id).html",
      "troubleshoot/\(guide.id).html", "tags/\(tag).html", "search.html?q=ECONNRESET",
    ] {
      let load = try Chromium.load("file://\(site)/\(page)")
      #expect(load.dom.contains("</html>"), "\(page)")
      #expect(load.console.isEmpty, "\(page): \(load.console)")
    }
  }

  @Test func hostileContentRunsNothingInTheBrowser() throws {
    let files = try HostileContentTests.hostileSite()
    let site = try TestSite.temporaryDirectory() + "/site"
    try SiteWriter(output: site).write(files)
    for page in [
      "guides/alpha.html", "troubleshoot/alpha.html", "errors.html",
      "search.html?q=\(Self.encoded("</code><script>alert(4)</script><code>"))",
    ] {
      let load = try Chromium.load("file://\(site)/\(page)")
      // A script that ran would have changed nothing visible; one that CSP blocked logs.
      #expect(load.console.isEmpty, "\(page): \(load.console)")
      #expect(!load.dom.contains("<script>alert"), "\(page)")
    }
    let search = try Self.searchPage("</code><script>alert(4)</script><code>", site: site)
    #expect(search.ids.first == "alpha")
  }

  @Test func screenshotsOfAGuideAndTheSearchPage() throws {
    let (site, _) = try Self.site.get()
    let folder = TestSite.repository.appendingPathComponent("artefacts").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Chromium.screenshot(
      "file://\(site)/guides/econnreset.html", to: folder + "/guide-econnreset.png")
    try Chromium.screenshot(
      "file://\(site)/search.html?q=\(Self.encoded("pika.exceptions.StreamLostError: Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')"))",
      to: folder + "/search.png", width: 420, height: 900)
  }
}
