import Foundation
import GuideKit
import SiteExport
import Testing

/// The pages' structure on the shipped guides: reading order, each topic once, an id and a
/// permalink on every heading, cause, step, FAQ entry and message, navigation by family with
/// the current guide marked, previous and next, breadcrumbs, the index by family, and the
/// header's search and theme switch on every page.
@Suite struct SiteStructureTests {
  static let site: Result<(files: [String: String], library: ContentLibrary), any Error> = Result {
    let library = try TestSite.library(TestSite.shippedContent)
    let files = try SiteExporter(library: library).files()
    return (
      Dictionary(
        files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) },
        uniquingKeysWith: { first, _ in first }),
      library
    )
  }

  static func page(_ path: String) throws -> String {
    try #require(try site.get().files[path], "no \(path)")
  }

  static func matches(_ pattern: String, in text: String) -> [String] {
    guard
      let expression = try? NSRegularExpression(
        pattern: pattern, options: [.dotMatchesLineSeparators])
    else { return [] }
    return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
      Range($0.range(at: 1), in: text).map { String(text[$0]) }
    }
  }

  /// The family order of `families.yaml`, each family's guides by title.
  static func familyOrder(_ library: ContentLibrary) throws -> [(id: String, guides: [Guide])] {
    let families = try #require(library.families?.value.families)
    return families.map { family in
      (
        family.id,
        library.guides.filter { $0.frontMatter.family == family.id }
          .sorted {
            (shortTitle($0.title).lowercased(), $0.id) < (shortTitle($1.title).lowercased(), $1.id)
          }
      )
    }
  }

  /// The navigation's name of a guide: its title up to the first ": ", unless that is empty or
  /// longer than 60 characters.
  static func shortTitle(_ title: String) -> String {
    guard let colon = title.range(of: ": ") else { return title }
    let head = String(title[..<colon.lowerBound])
    return head.isEmpty || head.count > 60 ? title : head
  }

  @Test func aGuideSaysWhatItMeansAndItsCausesBeforeTheMessages() throws {
    let html = try Self.page("guides/econnreset.html")
    let order = [
      "<h1>", "id=\"toc-title\"", "id=\"what-it-means\"", "id=\"causes\"", "id=\"error-messages\"",
      "id=\"reproduce\"", "id=\"diagnostics\"", "id=\"resolution\"", "id=\"prevention\"",
      "id=\"related-errors\"", "id=\"faq\"", "id=\"sources\"",
    ]
    let positions = try order.map { marker in
      try #require(html.range(of: marker)?.lowerBound, "no \(marker)")
    }
    // The table of contents comes after the article in the page, placed beside it by CSS.
    let article = Array(positions.dropFirst(2))
    #expect(article == article.sorted(), "\(order)")
    #expect(positions[0] < positions[2])
  }

  @Test func eachTopicIsShownOnce() throws {
    let (files, library) = try Self.site.get()
    for guide in library.guides {
      let html = try #require(files["guides/\(guide.id).html"])
      for heading in [
        "What it means", "Common causes", "Related errors", "FAQ", "Diagnostic commands",
        "Step-by-step resolution", "Prevention", "How to reproduce",
      ] {
        #expect(
          Self.matches("(<h2 id=\"[^\"]+\">\(heading) <a)", in: html).count == 1,
          "\(guide.id): \(heading)")
      }
      #expect(
        !html.contains(">Exact error message<"), "\(guide.id): the body's heading is the page's")
      // Every FAQ question is a heading once (its text also labels its permalink and the contents).
      for entry in guide.body.faq {
        let id = try #require(Self.matches(#"<h3 id="(faq-[^"]+)">"#, in: html).first)
        #expect(id.hasPrefix("faq-"), "\(guide.id)")
        #expect(
          html.components(separatedBy: "aria-label=\"Link to: \(Self.escaped(entry.question))\"")
            .count == 2,
          "\(guide.id): \(entry.question)")
      }
    }
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }

  @Test func causesStepsMessagesAndQuestionsHaveStableAnchors() throws {
    let (files, library) = try Self.site.get()
    for guide in library.guides {
      let html = try #require(files["guides/\(guide.id).html"])
      for cause in guide.frontMatter.causes {
        #expect(html.contains("<h3 id=\"cause-\(cause.id)\">"), "\(guide.id): cause \(cause.id)")
        #expect(
          html.contains("href=\"#cause-\(cause.id)\""), "\(guide.id): permalink of \(cause.id)")
      }
      for step in guide.frontMatter.steps {
        #expect(html.contains("<h3 id=\"step-\(step.id)\">"), "\(guide.id): step \(step.id)")
      }
      for number in guide.frontMatter.errors.indices {
        #expect(
          html.contains("<li id=\"error-\(number + 1)\">"), "\(guide.id): message \(number + 1)")
        #expect(html.contains("href=\"#error-\(number + 1)\""), "\(guide.id)")
      }
      #expect(
        Self.matches(#"<h3 id="(faq-[^"]+)">"#, in: html).count == guide.body.faq.count,
        "\(guide.id)")
      for related in guide.frontMatter.related {
        #expect(html.contains("<li id=\"related-\(related.id)\">"), "\(guide.id): \(related.id)")
      }
    }
  }

  @Test func everyHeadingHasAUniqueIdAndAPermalinkAndTheContentsLinkToThem() throws {
    let (files, _) = try Self.site.get()
    for (path, html) in files where path.hasPrefix("guides/") {
      let ids = Self.matches(#"\sid="([^"]+)""#, in: html)
      #expect(
        Set(ids).count == ids.count,
        "\(path): repeated ids \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
      for (level, id) in zip(
        Self.matches(#"<h([2-4]) id="[^"]+">"#, in: html),
        Self.matches(#"<h[2-4] id="([^"]+)">"#, in: html))
      {
        #expect(
          html.contains("<a class=\"anchor\" href=\"#\(id)\""),
          "\(path): h\(level) #\(id) has no permalink")
      }
      #expect(!html.contains("<h2>") && !html.contains("<h3>"), "\(path): a heading without an id")
      let toc = try #require(
        Self.matches(#"(<nav class="toc".*?</nav>)"#, in: html).first, "\(path)")
      let targets = Self.matches(##"href="#([^"]+)""##, in: toc)
      #expect(targets.count >= 9, "\(path)")
      for target in targets { #expect(ids.contains(target), "\(path): contents link #\(target)") }
    }
  }

  @Test func theNavigationListsTheFamilyWithTheCurrentGuideMarked() throws {
    let (files, library) = try Self.site.get()
    let families = try Self.familyOrder(library)
    for (family, guides) in families {
      for (index, guide) in guides.enumerated() {
        for path in ["guides/\(guide.id).html", "troubleshoot/\(guide.id).html"] {
          let html = try #require(files[path])
          let nav = try #require(
            Self.matches(#"(<nav class="site-nav".*?</nav>)"#, in: html).first, "\(path)")
          // Every family, in order; only this guide's family lists its guides.
          #expect(
            Self.matches(##"index\.html#family-([a-z0-9-]+)""##, in: nav) == families.map(\.id),
            "\(path)")
          #expect(
            Self.matches(#"guides/([a-z0-9-]+)\.html""#, in: nav) == guides.map(\.id),
            "\(path) in \(family)")
          #expect(
            Self.matches(#"<a aria-current="page" href="\.\./guides/([a-z0-9-]+)\.html""#, in: nav)
              == [guide.id],
            "\(path)")
        }
        let html = try #require(files["guides/\(guide.id).html"])
        let previous = Self.matches(
          #"<a class="previous" href="\.\./guides/([a-z0-9-]+)\.html""#, in: html)
        let next = Self.matches(#"<a class="next" href="\.\./guides/([a-z0-9-]+)\.html""#, in: html)
        #expect(previous == (index > 0 ? [guides[index - 1].id] : []), "\(guide.id)")
        #expect(next == (index + 1 < guides.count ? [guides[index + 1].id] : []), "\(guide.id)")
      }
    }
  }

  @Test func breadcrumbsLeadBackThroughTheFamily() throws {
    let (files, library) = try Self.site.get()
    for guide in library.guides {
      let familyID = try #require(guide.frontMatter.family)
      let family = try #require(library.family(familyID))
      for (path, last) in [
        ("guides/\(guide.id).html", Self.shortTitle(guide.title)),
        ("troubleshoot/\(guide.id).html", "Troubleshoot"),
      ] {
        let html = try #require(files[path])
        let crumbs = try #require(
          Self.matches(#"(<nav class="breadcrumbs".*?</nav>)"#, in: html).first, "\(path)")
        #expect(crumbs.contains("<a href=\"../index.html\">Guides</a>"), "\(path)")
        #expect(
          crumbs.contains(
            "<a href=\"../index.html#family-\(family.id)\">\(Self.escaped(family.title))</a>"),
          "\(path)")
        #expect(
          crumbs.contains("<span aria-current=\"page\">\(Self.escaped(last))</span>"), "\(path)")
      }
    }
  }

  @Test func theIndexGroupsByFamilyAndListsEachGuideOnce() throws {
    let (files, library) = try Self.site.get()
    let index = try #require(files["index.html"])
    let families = try Self.familyOrder(library)
    #expect(Self.matches(#"<h2 id="family-([a-z0-9-]+)">"#, in: index) == families.map(\.id))
    let listed = Self.matches(#"<a class="guide-link" href="guides/([a-z0-9-]+)\.html""#, in: index)
    #expect(listed == families.flatMap { $0.guides.map(\.id) })
    #expect(Set(listed).count == library.guides.count)
    // Tags are filters (and links to their pages), each once.
    let tags = Self.matches(
      #"<a class="tag" href="tags/[a-z0-9-]+\.html" data-tag="([a-z0-9-]+)">"#, in: index)
    #expect(tags == Set(library.guides.flatMap(\.frontMatter.tags)).sorted())
  }

  @Test func everyPageHasTheHeaderSearchAndTheThemeSwitch() throws {
    let (files, _) = try Self.site.get()
    let pages = files.filter { $0.key.hasSuffix(".html") }
    #expect(pages.count > 80)
    for (path, html) in pages {
      #expect(html.contains("<input id=\"header-q\""), "\(path)")
      #expect(html.contains("<button class=\"theme-toggle\""), "\(path)")
      #expect(Self.matches(#"<head>.*(assets/theme\.js).*</head>"#, in: html).count == 1, "\(path)")
    }
  }

  @Test func theAssetsAreTheFilesInTheSourceTree() throws {
    let (files, _) = try Self.site.get()
    let folder = TestSite.repository.appendingPathComponent("Sources/SiteExport/Assets")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["search.js", "site.css", "site.js", "theme.js", "troubleshooter.js"])
    for name in names {
      let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      #expect(files["assets/\(name)"] == source, "\(name)")
    }
  }
}
