import Foundation
import GuideKit
import Mustache
import Testing

@testable import SiteExport

/// The home page, the tag pages and the error strings are written in Swift (``ListPages``); each
/// must be, byte for byte, what the Mustache templates it replaced render from the same
/// content. The templates are kept here as the definition, with their contexts.
@Suite struct ListPagesHTMLTests {
  enum Reference {
    /// A guide in a list.
    static let guideItem = """
      <li class="guide-item" data-tags="{{#tags}}{{.}} {{/tags}}">
      <a class="guide-link" href="{{root}}guides/{{id}}.html">{{title}}</a>
      <p class="summary">{{summary}}</p>
      {{#mainError}}<p class="main-error"><code>{{mainError}}</code></p>{{/mainError}}
      </li>
      """

    /// The home page.
    static let index = """
      <h1>{{siteTitle}}</h1>
      <p class="lead">{{guideCount}} guides to RabbitMQ errors: the exact messages, what they mean, their causes and how to fix them. Paste an error into the search box at the top of every page, browse the <a href="errors.html">error strings</a>, or start from a family below.</p>
      <nav class="family-index" aria-label="Families">
      <ul>
      {{#families}}<li><a href="#family-{{id}}">{{title}}</a> <span class="count">{{count}}</span></li>
      {{/families}}
      </ul>
      </nav>
      <details class="tag-filter" id="tag-filter">
      <summary>Filter by tag</summary>
      <p class="tag-links">{{#tags}}<a class="tag" href="tags/{{tag}}.html" data-tag="{{tag}}">{{tag}} <span class="count">{{count}}</span></a> {{/tags}}</p>
      <p class="filter-status" id="filter-status" role="status"></p>
      </details>
      {{#families}}
      <section class="family-group" aria-labelledby="family-{{id}}">
      <h2 id="family-{{id}}">{{title}} <a class="anchor" href="#family-{{id}}" aria-label="Link to: {{title}}">#</a></h2>
      <p class="family-summary">{{summary}}</p>
      <ul class="guide-list">
      {{#guides}}
      {{> guideItem}}
      {{/guides}}
      </ul>
      </section>
      {{/families}}

      """

    /// A tag's page.
    static let tag = """
      <nav class="breadcrumbs" aria-label="Breadcrumbs">
      <ol><li><a href="../index.html">Guides</a></li><li><span aria-current="page">Tag {{tag}}</span></li></ol>
      </nav>
      <h1>Guides tagged {{tag}}</h1>
      <ul class="guide-list">
      {{#guides}}
      {{> guideItem}}
      {{/guides}}
      </ul>
      <p><a href="../index.html">All guides</a></p>

      """

    /// The error strings.
    static let errors = """
      <h1>Error strings</h1>
      <p class="lead">Every exact message the guides explain, in alphabetical order, each linked to its guide.</p>
      <table class="error-index">
      <thead><tr><th scope="col">Message</th><th scope="col">Printed by</th><th scope="col">Guide</th></tr></thead>
      <tbody>
      {{#rows}}
      <tr><td><code>{{text}}</code></td><td>{{printedBy}}</td><td><a href="guides/{{id}}.html#error-{{number}}">{{id}}</a></td></tr>
      {{/rows}}
      </tbody>
      </table>

      """

    static let library: MustacheLibrary = {
      MustacheContentTypes.register(HTMLEscaping(), named: PageRenderer.contentTypeName)
      var library = MustacheLibrary()
      let sources = ["guideItem": guideItem, "index": index, "tag": tag, "errors": errors]
      for (name, source) in sources {
        try? library.register(PageRenderer.contentTypePragma + source, named: name)
      }
      return library
    }()

    static func item(_ item: ListPages.Item) -> [String: Any] {
      var context: [String: Any] = [
        "id": item.id, "title": item.title, "summary": item.summary, "tags": item.tags,
      ]
      if let mainError = item.mainError { context["mainError"] = mainError }
      return context
    }

    static func html(_ index: ListPages.Index, siteTitle: String) -> String {
      let context: [String: Any] = [
        "guideCount": index.guideCount, "root": "", "siteTitle": siteTitle,
        "families": index.families.map { family -> [String: Any] in
          [
            "id": family.id, "title": family.title, "summary": family.summary,
            "count": family.guides.count, "guides": family.guides.map(item),
          ]
        },
        "tags": index.tags.map { ["tag": $0.tag, "count": $0.count] },
      ]
      return library.render(context, withTemplate: "index") ?? "(no template)"
    }

    static func html(tag: String, guides: [ListPages.Item]) -> String {
      let context: [String: Any] = ["tag": tag, "guides": guides.map(item), "root": "../"]
      return library.render(context, withTemplate: "tag") ?? "(no template)"
    }

    static func html(errors rows: [ListPages.Row]) -> String {
      let context: [String: Any] = [
        "root": "",
        "rows": rows.map {
          ["text": $0.text, "id": $0.id, "number": $0.number, "printedBy": $0.printedBy]
        },
      ]
      return library.render(context, withTemplate: "errors") ?? "(no template)"
    }
  }

  @Test func theShippedListsAreWhatTheTemplatesRendered() throws {
    let library = try TestSite.library(TestSite.shippedContent)
    let navigation = SiteNavigation(library)
    let index = ListPages.index(library, navigation: navigation)
    #expect(index.guideCount >= 39)
    #expect(ListPages.html(index, siteTitle: "T") == Reference.html(index, siteTitle: "T"))
    for (tag, guides) in ListPages.tags(library) {
      let items = guides.map(ListPages.Item.init)
      #expect(
        ListPages.html(tag: tag, guides: items) == Reference.html(tag: tag, guides: items), "\(tag)"
      )
    }
    let rows = ListPages.errors(library)
    #expect(rows.count > 100)
    #expect(ListPages.html(errors: rows) == Reference.html(errors: rows))
  }

  /// Escaped text, no main error, no tags, an empty family, no families at all.
  @Test func everyVariantIsWhatTheTemplatesRendered() throws {
    let hostile = "<b>\"Q\" & 'A'</b>\u{301} é"
    let library = try TestSite.library(TestSite.shippedContent)
    guard let guide = library.guides.first else {
      Issue.record("no shipped guide")
      return
    }
    var item = ListPages.Item(guide)
    item.title = hostile
    item.summary = hostile
    item.tags = [hostile, "x"]
    var bare = item
    bare.mainError = nil
    bare.tags = []
    let families = [
      ListPages.Family(id: "f<", title: hostile, summary: hostile, guides: [item, bare]),
      ListPages.Family(id: "e", title: "E", summary: "", guides: []),
    ]
    for index in [
      ListPages.Index(guideCount: 2, families: families, tags: [(hostile, 1), ("t", 2)]),
      ListPages.Index(guideCount: 0, families: [], tags: []),
    ] {
      #expect(
        ListPages.html(index, siteTitle: hostile) == Reference.html(index, siteTitle: hostile))
    }
    for guides in [[item, bare], []] {
      #expect(
        ListPages.html(tag: hostile, guides: guides) == Reference.html(tag: hostile, guides: guides)
      )
    }
    let rows = [
      ListPages.Row(text: hostile, id: "a&b", number: 3, printedBy: hostile),
      ListPages.Row(text: "", id: "c", number: 10, printedBy: "broker"),
    ]
    for rows in [rows, []] {
      #expect(ListPages.html(errors: rows) == Reference.html(errors: rows))
    }
  }
}
