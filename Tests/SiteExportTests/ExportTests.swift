import ErrorSearch
import Foundation
import GuideKit
import SiteExport
import Testing

/// The site made from the shipped guides: its pages, links, policy and determinism.
@Suite struct ExportTests {
  @Test func hasEveryKindOfPageForEveryGuideAndTag() throws {
    let library = try TestSite.library(TestSite.shippedContent)
    let paths = Set(try SiteExporter(library: library).files().map(\.path))
    for page in [
      "index.html", "search.html", "errors.html", "404.html", "sitemap.xml",
      "assets/search-data.js",
    ] {
      #expect(paths.contains(page), "\(page)")
    }
    for guide in library.guides {
      #expect(paths.contains("guides/\(guide.id).html"))
      #expect(paths.contains("troubleshoot/\(guide.id).html"))
      for tag in guide.frontMatter.tags { #expect(paths.contains("tags/\(tag).html")) }
    }
  }

  @Test func guidePageShowsTheFrontMatter() throws {
    let library = try TestSite.library(TestSite.fixtureContent)
    let files = try SiteExporter(library: library).files()
    let page = try #require(files.first { $0.path == "guides/alpha.html" })
    let html = String(decoding: page.contents, as: UTF8.self)
    #expect(html.contains("<code id=\"error-1-text\">{socket_error,alpha}</code>"))
    #expect(html.contains("<h3 id=\"faq-is-alpha-bad\">Is alpha bad? <a class=\"anchor\""))
    #expect(html.contains("rabbitmqctl"))  // the catalogue diagnostic with its command
    #expect(html.contains("data-copy=\"diagnostic-list-connections-command\""))
    #expect(html.contains("<a href=\"beta.html\">"))  // related guide
    #expect(html.contains("href=\"https://www.rabbitmq.com/docs/networking\""))  // source
    #expect(html.contains("<h3 id=\"cause-heartbeats-off\">"))
    #expect(html.contains("href=\"../troubleshoot/alpha.html\""))
    // Each topic once: the FAQ entry (heading, table of contents, permalink's label), the
    // related guides and the messages are not also shown from the body.
    #expect(html.components(separatedBy: "Is alpha bad?").count == 4)
    #expect(html.components(separatedBy: "id=\"related-errors\"").count == 2)
    #expect(html.components(separatedBy: "id=\"error-messages\"").count == 2)
  }

  @Test func troubleshooterLinksEveryAnswerToTheNextNodeOrCause() throws {
    let library = try TestSite.library(TestSite.fixtureContent)
    let files = try SiteExporter(library: library).files()
    let page = try #require(files.first { $0.path == "troubleshoot/alpha.html" })
    let html = String(decoding: page.contents, as: UTF8.self)
    let guide = try #require(library.guide("alpha"))
    for node in guide.frontMatter.tree.nodes {
      #expect(html.contains("id=\"node-\(node.id)\""))
      for (answer, target) in node.answers {
        let anchor = target.next.map { "node-" + $0 } ?? "cause-" + (target.cause ?? "")
        #expect(
          html.contains("<a class=\"answer\" href=\"#\(anchor)\" data-answer=\"\(answer)\">"),
          "\(node.id) \(answer)")
      }
    }
    for cause in guide.frontMatter.causes { #expect(html.contains("id=\"cause-\(cause.id)\"")) }
  }

  @Test func everyInternalLinkResolves() throws {
    let site = try TestSite.shippedSite.get()
    let broken = LinkChecker.check(site: site)
    #expect(broken.isEmpty, "\(broken.prefix(10))")
    #expect(LinkChecker.htmlPages(under: URL(fileURLWithPath: site)).count > 20)
  }

  @Test func linkCheckerFindsABrokenLinkAndAMissingFragment() throws {
    let site = try TestSite.temporaryDirectory()
    try
      "<a href=\"b.html#nowhere\">x</a> <img src=\"missing.png\"> <a href=\"https://example.org/\">e</a>"
      .write(toFile: site + "/a.html", atomically: true, encoding: .utf8)
    try "<p id=\"here\">b</p>".write(toFile: site + "/b.html", atomically: true, encoding: .utf8)
    let broken = LinkChecker.check(site: site)
    #expect(broken.map(\.link).sorted() == ["b.html#nowhere", "missing.png"])
  }

  @Test func everyPageCarriesTheContentSecurityPolicyAndLoadsNothingRemote() throws {
    let library = try TestSite.library(TestSite.shippedContent)
    for file in try SiteExporter(library: library).files() where file.path.hasSuffix(".html") {
      let html = String(decoding: file.contents, as: UTF8.self)
      #expect(
        html.contains(
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;self&#39;"
        ), "\(file.path)")
      // Scripts, style sheets, fonts and images come from the site itself.
      #expect(
        html.range(
          of: #"<(script|img|link)\s[^>]*(src|href)="(https?:)?//"#, options: .regularExpression)
          == nil, "\(file.path)")
      #expect(!html.contains("@import") && !html.contains("<style"), "\(file.path)")
    }
  }

  @Test func sameContentGivesByteIdenticalOutput() throws {
    let library = try TestSite.library(TestSite.shippedContent)
    let parent = try TestSite.temporaryDirectory()
    try SiteExporter(library: library).export(to: parent + "/one")
    // A second load and index in the same process: nothing may depend on hashing order.
    try SiteExporter(library: try TestSite.library(TestSite.shippedContent)).export(
      to: parent + "/two")
    let one = TestSite.snapshot(parent + "/one")
    let two = TestSite.snapshot(parent + "/two")
    #expect(one.keys.sorted() == two.keys.sorted())
    for (path, data) in one { #expect(two[path] == data, "\(path) differs") }
  }

  @Test func baseURLAndTitleReachTheSitemapThe404PageAndEveryTitle() throws {
    let library = try TestSite.library(TestSite.fixtureContent)
    let files = try SiteExporter(
      library: library, options: ExportOptions(baseURL: "/docs/rmq", title: "Our <KB>")
    )
    .files()
    let text = { (path: String) in
      String(decoding: files.first { $0.path == path }?.contents ?? [], as: UTF8.self)
    }
    #expect(text("sitemap.xml").contains("<loc>/docs/rmq/guides/alpha.html</loc>"))
    #expect(text("404.html").contains("href=\"/docs/rmq/search.html\""))
    #expect(text("index.html").contains("<title>Guides · Our &lt;KB&gt;</title>"))
    #expect(text("guides/alpha.html").contains("href=\"../assets/site.css\""))
  }
}
