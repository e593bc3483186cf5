import Foundation
import GuideKit
import Testing

@testable import SiteExport

/// A guide's page and its troubleshooter are written in Swift (``GuidePage/html(_:)``,
/// ``TroubleshooterPage/html(_:)``); each must be, byte for byte, what the Mustache templates
/// it replaced render from the same content (``PageTemplatesReference``, the templates and
/// the contexts they were rendered from).
@Suite struct PageHTMLTests {
  /// The templates the Swift code replaced, as they were.
  typealias Reference = PageTemplatesReference

  /// The content of every shipped guide's page.
  static func shippedPages() throws -> [GuidePage.Content] {
    let library = try TestSite.library(TestSite.shippedContent)
    let build = try SiteBuild(library: library, options: ExportOptions())
    return library.guides.map { GuidePage.content($0, in: build) }
  }

  @Test func everyShippedGuideIsWhatTheTemplateRendered() throws {
    let pages = try Self.shippedPages()
    #expect(pages.count >= 39)
    for page in pages {
      let html = GuidePage.html(page)
      #expect(html == Reference.html(page), "\(page.id)")
      #expect(html.contains("<h1>"))
    }
  }

  /// Text that must be escaped, and every part present, absent or empty: no family (so no
  /// pager), only a previous or a next guide, messages with and without each detail, checks
  /// with and without root, a related id no guide has, a source that cannot be linked.
  @Test func everyVariantIsWhatTheTemplateRendered() throws {
    guard
      var page = try Self.shippedPages().first(where: { page in
        page.sections.contains {
          if case .checks(let checks) = $0.entries { !checks.isEmpty } else { false }
        }
      })
    else {
      Issue.record("no shipped guide with diagnostics")
      return
    }
    let hostile = "<b>\"Q\" & 'A'</b>\u{301} é"
    var variants: [GuidePage.Content] = []
    page.title = hostile
    page.summary = hostile
    page.tags = ["a&b", "c"]
    variants.append(page)
    var noFamily = page
    noFamily.navigation.family = nil
    noFamily.navigation.previous = nil
    noFamily.navigation.next = nil
    noFamily.navigation.shortTitle = nil
    variants.append(noFamily)
    var onlyPrevious = page
    onlyPrevious.navigation.next = nil
    onlyPrevious.navigation.previous = SiteNavigation.Entry(id: "p<", title: hostile)
    variants.append(onlyPrevious)
    var onlyNext = page
    onlyNext.navigation.previous = nil
    onlyNext.navigation.next = SiteNavigation.Entry(id: "n", title: hostile)
    variants.append(onlyNext)
    var noTags = page
    noTags.tags = []
    noTags.relatedGuides = [GuidePage.Related(id: "gone", how: hostile, title: nil)]
    noTags.sourceLinks = [
      GuidePage.Source(title: hostile, url: "javascript:x", href: nil),
      GuidePage.Source(
        title: "t", url: "https://e.example/?a=1&b=2", href: "https://e.example/?a=1&amp;b=2"),
    ]
    variants.append(noTags)
    var details = page
    for index in details.sections.indices {
      switch details.sections[index].entries {
      case .none: break
      case .messages:
        let heading = GuidePage.Heading("error-1", hostile)
        details.sections[index].entries = .messages([
          GuidePage.Message(heading: heading, side: "client"),
          GuidePage.Message(
            heading: heading, side: "broker", library: "pika", format: "json", versions: hostile,
            note: hostile),
          GuidePage.Message(
            heading: heading, side: "", library: "", format: "", versions: "", note: ""),
        ])
      case .checks(let checks):
        var flipped = checks
        for check in flipped.indices { flipped[check].needsRoot.toggle() }
        flipped[0].command = hostile
        details.sections[index].entries = .checks(flipped)
        var none = details
        none.sections[index].entries = .checks([])
        variants.append(none)
      }
    }
    variants.append(details)
    for (number, variant) in variants.enumerated() {
      #expect(GuidePage.html(variant) == Reference.html(variant), "variant \(number)")
    }
  }

  /// The troubleshooter of every shipped guide.
  @Test func everyShippedTroubleshooterIsWhatTheTemplateRendered() throws {
    let library = try TestSite.library(TestSite.shippedContent)
    let build = try SiteBuild(library: library, options: ExportOptions())
    #expect(library.guides.count >= 39)
    for guide in library.guides {
      let page = TroubleshooterPage.content(guide, in: build)
      #expect(!page.nodes.isEmpty)
      #expect(TroubleshooterPage.html(page) == Reference.html(page), "\(guide.id)")
    }
  }

  /// Escaped text, and each part present, absent or empty: no family, no answers, no reason
  /// why, no possible cause, a cause without steps.
  @Test func everyTroubleshooterVariantIsWhatTheTemplateRendered() throws {
    let library = try TestSite.library(TestSite.shippedContent)
    let build = try SiteBuild(library: library, options: ExportOptions())
    guard let guide = library.guides.first else {
      Issue.record("no shipped guide")
      return
    }
    let hostile = "<i>\"Q\" & 'A'</i>\u{301} é"
    var page = TroubleshooterPage.content(guide, in: build)
    page.title = hostile
    page.start = "s&t"
    var variants = [page]
    var bare = page
    bare.navigation = SiteNavigation.Page(navHTML: "", shortTitle: nil)
    bare.nodes[0].answers = []
    bare.nodes[0].whyHTML = nil
    bare.nodes[0].possibleCauses = []
    bare.nodes[0].question = hostile
    bare.endings[0].steps = []
    variants.append(bare)
    var full = page
    full.nodes[0].whyHTML = "<p>why</p>"
    full.nodes[0].answers = [
      TroubleshooterPage.Answer(id: hostile, label: hostile, target: "cause-x")
    ]
    full.endings[0].steps = [TroubleshooterPage.Step(title: hostile, textHTML: "<p>do</p>")]
    full.endings[0].cause = TroubleshooterPage.Cause(id: "c'", title: hostile)
    variants.append(full)
    for (number, variant) in variants.enumerated() {
      #expect(TroubleshooterPage.html(variant) == Reference.html(variant), "variant \(number)")
    }
  }
}
