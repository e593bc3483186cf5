import Foundation
import GuideKit
import Mustache
import Testing

@testable import SiteExport

/// A guide's page is written in Swift (``GuidePage/html(_:)``); it must be, byte for byte,
/// what the Mustache templates it replaced render from the same content. The templates are kept
/// here as the definition, with the context they were rendered from.
@Suite struct GuidePageHTMLTests {
  /// The templates the Swift code replaced, as they were.
  enum Reference {
    /// The guide page's template.
    static let guide = """
      {{> breadcrumbs}}
      <article class="guide">
      <header class="guide-header">
      <h1>{{title}}</h1>
      <p class="summary">{{summary}}</p>
      <p class="tags">{{#tags}}<a class="tag" href="../tags/{{.}}.html">{{.}}</a> {{/tags}}</p>
      <p class="actions"><a class="button" href="../troubleshoot/{{id}}.html">Troubleshoot step by step</a></p>
      </header>
      <div class="with-toc">
      <div class="guide-body">
      {{#sections}}
      {{#meaning}}{{> bodySection}}{{/meaning}}
      {{#causes}}{{> bodySection}}{{/causes}}
      {{#messages}}
      <section class="guide-section" aria-labelledby="{{id}}">
      <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
      {{{html}}}
      <h3 class="list-title">Every message this guide explains</h3>
      <ul class="signature-list">
      {{#errors}}
      <li id="{{id}}">
      <div class="code-line"><code id="{{id}}-text">{{text}}</code> <button class="copy" type="button" data-copy="{{id}}-text" hidden>Copy</button> {{{permalink}}}</div>
      <p class="meta">{{side}}{{#library}} · {{library}}{{/library}}{{#format}} · {{format}} log format{{/format}}{{#versions}} · {{versions}}{{/versions}}</p>
      {{#note}}<p class="note">{{note}}</p>{{/note}}
      </li>
      {{/errors}}
      </ul>
      </section>
      {{/messages}}
      {{#reproduce}}{{> bodySection}}{{/reproduce}}
      {{#diagnostics}}
      <section class="guide-section" aria-labelledby="{{id}}">
      <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
      {{{html}}}
      {{#hasCards}}
      <p class="list-title">Read-only checks that <code>rmq-doctor diagnose</code> runs for this guide:</p>
      {{#cards}}
      <div class="diagnostic">
      <h3 id="{{id}}">{{title}} {{{permalink}}}</h3>
      <div class="code-block"><pre tabindex="0"><code id="{{id}}-command">{{command}}</code></pre><button class="copy" type="button" data-copy="{{id}}-command" hidden>Copy</button></div>
      <p class="meta">Read-only{{#needsRoot}} · run as root or the rabbitmq user{{/needsRoot}} · runs on the {{runsOn}} host</p>
      {{{readsHTML}}}
      </div>
      {{/cards}}
      {{/hasCards}}
      </section>
      {{/diagnostics}}
      {{#resolution}}{{> bodySection}}{{/resolution}}
      {{#prevention}}{{> bodySection}}{{/prevention}}
      {{/sections}}
      {{#related}}
      <section class="guide-section related" aria-labelledby="{{id}}">
      <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
      <ul>
      {{#relatedGuides}}
      <li id="related-{{id}}">{{#exists}}<a href="{{id}}.html">{{title}}</a>{{/exists}}{{^exists}}{{id}}{{/exists}}: {{how}}</li>
      {{/relatedGuides}}
      </ul>
      </section>
      {{/related}}
      {{#faq}}
      <section class="guide-section faq" aria-labelledby="{{id}}">
      <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
      {{{html}}}
      </section>
      {{/faq}}
      {{#sources}}
      <section class="guide-section sources" aria-labelledby="{{id}}">
      <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
      <ul>
      {{#sourceLinks}}
      <li>{{#href}}<a href="{{href}}" rel="noopener">{{title}}</a>{{/href}}{{^href}}{{title}} ({{url}}){{/href}}</li>
      {{/sourceLinks}}
      </ul>
      </section>
      {{/sources}}
      {{#hasPager}}{{> pager}}{{/hasPager}}
      </div>
      <nav class="toc" aria-labelledby="toc-title">
      <details open>
      <summary id="toc-title">On this page</summary>
      {{{tocHTML}}}
      </details>
      </nav>
      </div>
      </article>

      """

    /// A section of the guide's body under its heading.
    static let bodySection = """
      <section class="guide-section" aria-labelledby="{{id}}">
      <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
      {{{html}}}
      </section>
      """

    /// The guides before and after this one in its family.
    static let pager = """
      <nav class="pager" aria-label="Previous and next guide{{#family}} in {{title}}{{/family}}">
      {{#previous}}<a class="previous" href="../guides/{{id}}.html" rel="prev"><span class="pager-label">Previous</span> {{title}}</a>{{/previous}}
      {{#next}}<a class="next" href="../guides/{{id}}.html" rel="next"><span class="pager-label">Next</span> {{title}}</a>{{/next}}
      </nav>
      """

    /// The breadcrumbs, as the export still registers them for the troubleshooter.
    static let breadcrumbs = Templates.breadcrumbs

    /// The templates, registered as the export registered them.
    static let library: MustacheLibrary = {
      MustacheContentTypes.register(HTMLEscaping(), named: PageRenderer.contentTypeName)
      var library = MustacheLibrary()
      let sources = [
        "guide": guide, "bodySection": bodySection, "breadcrumbs": breadcrumbs, "pager": pager,
      ]
      for (name, source) in sources {
        try? library.register(PageRenderer.contentTypePragma + source, named: name)
      }
      return library
    }()

    /// The context the template was rendered with, made from the page's content as the export
    /// made it.
    static func context(_ page: GuidePage.Content) -> [String: Any] {
      func heading(_ heading: GuidePage.Heading) -> [String: Any] {
        ["id": heading.id, "title": heading.title, "permalink": heading.permalink]
      }
      let keys = [
        "meaning", "causes", "messages", "reproduce", "diagnostics", "resolution", "prevention",
      ]
      var sections: [String: Any] = [:]
      for (key, section) in zip(keys, page.sections) {
        var item = heading(section.heading)
        item["html"] = section.html
        switch section.entries {
        case .none: break
        case .messages(let messages):
          item["errors"] = messages.map { message -> [String: Any] in
            var error: [String: Any] = [
              "id": message.heading.id, "text": message.heading.title, "side": message.side,
              "permalink": message.heading.permalink,
            ]
            if let library = message.library { error["library"] = library }
            if let format = message.format { error["format"] = format }
            if let versions = message.versions { error["versions"] = versions }
            if let note = message.note { error["note"] = note }
            return error
          }
        case .checks(let checks):
          item["hasCards"] = !checks.isEmpty
          item["cards"] = checks.map { check -> [String: Any] in
            [
              "id": check.heading.id, "title": check.heading.title, "command": check.command,
              "permalink": check.heading.permalink, "needsRoot": check.needsRoot,
              "runsOn": check.runsOn, "readsHTML": check.readsHTML,
            ]
          }
        }
        sections[key] = item
      }
      var faq = heading(page.faq.heading)
      faq["html"] = page.faq.html
      var context: [String: Any] = [
        "id": page.id, "title": page.title, "summary": page.summary, "tags": page.tags,
        "sections": sections, "related": heading(page.related),
        "relatedGuides": page.relatedGuides.map { related -> [String: Any] in
          [
            "id": related.id, "how": related.how, "exists": related.title != nil,
            "title": related.title ?? related.id,
          ]
        },
        "faq": faq, "sources": heading(page.sources),
        "sourceLinks": page.sourceLinks.map { source -> [String: Any] in
          var item: [String: Any] = ["title": source.title, "url": source.url]
          if let href = source.href { item["href"] = href }
          return item
        },
        "tocHTML": page.tocHTML, "navHTML": page.navigation.navHTML, "root": "../",
        "siteTitle": "rmq-doctor",
      ]
      if let title = page.navigation.shortTitle { context["shortTitle"] = title }
      if let family = page.navigation.family {
        context["family"] = ["id": family.id, "title": family.title]
        if let previous = page.navigation.previous {
          context["previous"] = ["id": previous.id, "title": previous.title]
        }
        if let next = page.navigation.next {
          context["next"] = ["id": next.id, "title": next.title]
        }
        context["hasPager"] = page.navigation.hasPager
      }
      return context
    }

    static func html(_ page: GuidePage.Content) -> String {
      library.render(context(page), withTemplate: "guide") ?? "(no template)"
    }
  }

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
}
