import CommonMark
import GuideKit

/// The context of a guide's page: what the error means and its causes first, then the exact
/// messages, reproduction, diagnostics, resolution, prevention, related errors, FAQ and
/// sources, each once, every heading with an id and a permalink, and a table of contents.
enum GuidePage {
  /// The file's path below the site's root.
  static func path(_ id: String) -> String { "guides/\(id).html" }

  /// A body section the page shows, under the page's own heading and id.
  private struct Part {
    /// The `##` title in the guide's Markdown.
    var body: String
    /// The template's key, and the heading's id.
    var key: String
    var id: String
    var title: String
  }

  /// The body's sections in reading order. "Related errors" and "FAQ" are shown from the
  /// front-matter and as entries, below.
  private static let parts = [
    Part(body: "What it means", key: "meaning", id: "what-it-means", title: "What it means"),
    Part(body: "Common causes", key: "causes", id: "causes", title: "Common causes"),
    Part(
      body: "Exact error message", key: "messages", id: "error-messages",
      title: "The exact error messages"),
    Part(body: "How to reproduce", key: "reproduce", id: "reproduce", title: "How to reproduce"),
    Part(
      body: "Diagnostic commands", key: "diagnostics", id: "diagnostics",
      title: "Diagnostic commands"),
    Part(
      body: "Step-by-step resolution", key: "resolution", id: "resolution",
      title: "Step-by-step resolution"),
    Part(body: "Prevention", key: "prevention", id: "prevention", title: "Prevention"),
  ]

  static func context(_ guide: Guide, in build: SiteBuild) -> [String: Any] {
    let front = guide.frontMatter
    let links = LinkRewriter(guideIDs: build.guideIDs, toGuides: "")
    var anchors = HeadingAnchors(reserving: reservedIDs(guide))
    var sections: [String: Any] = [:]
    for part in parts {
      let id = anchors.heading(part.title, level: 2, id: part.id)
      let section = guide.body.section(part.body)
      let subsectionIDs = (section?.subsections ?? []).map { subsection -> String? in
        switch part.body {
        case "Common causes":
          return front.causes.first { $0.title == subsection.title }.map { "cause-" + $0.id }
        case "Step-by-step resolution":
          return front.steps.first { $0.title == subsection.title }.map { "step-" + $0.id }
        default: return nil
        }
      }
      let markdown = section.map { guide.body.document.sourceText(of: $0.blocks) } ?? ""
      var item: [String: Any] = [
        "id": id, "title": part.title, "permalink": HeadingAnchors.permalink(id, title: part.title),
        "html": anchors.anchored(links.html(markdown), subsectionIDs: subsectionIDs),
      ]
      if part.key == "messages" {
        item["errors"] = errors(front, anchors: &anchors)
      } else if part.key == "diagnostics" {
        let cards = diagnostics(front, in: build, links: links, anchors: &anchors)
        item["hasCards"] = !cards.isEmpty
        item["cards"] = cards
      }
      sections[part.key] = item
    }
    var context: [String: Any] = [
      "id": guide.id, "title": guide.title, "summary": front.summary, "tags": front.tags,
      "sections": sections,
    ]
    let relatedID = anchors.heading("Related errors", level: 2, id: "related-errors")
    context["related"] = section(relatedID, "Related errors")
    context["relatedGuides"] = front.related.map { related in
      let title = build.guideTitles[related.id]
      return [
        "id": related.id, "how": related.how, "exists": title != nil, "title": title ?? related.id,
      ]
    }
    let faqID = anchors.heading("FAQ", level: 2, id: "faq")
    var faq = section(faqID, "FAQ")
    let faqSection = guide.body.section("FAQ")
    let faqIDs = (faqSection?.subsections ?? []).map { "faq-" + HTMLText.slug($0.title) }
    faq["html"] = anchors.anchored(
      links.html(faqSection.map { guide.body.document.sourceText(of: $0.blocks) } ?? ""),
      subsectionIDs: faqIDs)
    context["faq"] = faq
    context["sources"] = section(anchors.heading("Sources", level: 2, id: "sources"), "Sources")
    context["sourceLinks"] = front.sources.map { source in
      var item: [String: Any] = ["title": source.title, "url": source.url]
      if let href = SafeURL.external(source.url) { item["href"] = href }
      return item
    }
    context["tocHTML"] = tableOfContents(anchors.entries)
    context.merge(build.navigation.pageContext(guide.id)) { first, _ in first }
    return context
  }

  /// The ids the page's own parts use, which headings of the body must not take: the sections,
  /// the messages, causes, steps, diagnostics and related guides.
  private static func reservedIDs(_ guide: Guide) -> Set<String> {
    let front = guide.frontMatter
    var ids = Set(parts.map(\.id) + ["related-errors", "faq", "sources"])
    for number in 1...max(front.errors.count, 1) {
      ids.insert("error-\(number)")
      ids.insert("error-\(number)-text")
    }
    ids.formUnion(front.causes.map { "cause-" + $0.id })
    ids.formUnion(front.steps.map { "step-" + $0.id })
    for id in front.diagnostics ?? [] {
      ids.insert("diagnostic-" + id)
      ids.insert("diagnostic-\(id)-command")
    }
    ids.formUnion(front.related.map { "related-" + $0.id })
    return ids
  }

  /// A section heading the template writes.
  private static func section(_ id: String, _ title: String) -> [String: Any] {
    ["id": id, "title": title, "permalink": HeadingAnchors.permalink(id, title: title)]
  }

  /// Every message of the front-matter, each with its id (`error-1`, ...) and a permalink.
  private static func errors(_ front: GuideFrontMatter, anchors: inout HeadingAnchors)
    -> [[String: Any]]
  {
    front.errors.enumerated().map { index, error in
      let id = anchors.claim("error-\(index + 1)")
      var item: [String: Any] = [
        "id": id, "text": error.text, "side": error.side.rawValue,
        "permalink": HeadingAnchors.permalink(id, title: error.text),
      ]
      if let library = error.library { item["library"] = library.rawValue }
      if let format = error.format { item["format"] = format.rawValue }
      if let versions = error.versions { item["versions"] = versions }
      if let note = error.note { item["note"] = note }
      return item
    }
  }

  /// The catalogue's read-only diagnostics the guide names, each a card with its command.
  private static func diagnostics(
    _ front: GuideFrontMatter, in build: SiteBuild, links: LinkRewriter,
    anchors: inout HeadingAnchors
  ) -> [[String: Any]] {
    (front.diagnostics ?? []).compactMap { id in
      guard let command = build.library.diagnostic(id) else { return nil }
      let anchor = anchors.heading(command.title, level: 3, id: "diagnostic-" + command.id)
      return [
        "id": anchor, "title": command.title, "command": command.commandLine,
        "permalink": HeadingAnchors.permalink(anchor, title: command.title),
        "needsRoot": command.needsRoot, "runsOn": command.runsOn.rawValue,
        "readsHTML": links.html(command.reads),
      ]
    }
  }

  /// The "On this page" list: the `h2` headings, each with its `h3` headings nested.
  static func tableOfContents(_ entries: [HeadingAnchors.Entry]) -> String {
    var out = "<ol>\n"
    var open = false
    for (index, entry) in entries.enumerated() {
      let link = "<a href=\"#\(HTMLText.escape(entry.id))\">\(HTMLText.escape(entry.title))</a>"
      if entry.level <= 2 {
        if open { out += "</ol></li>\n" }
        open = false
        out += "<li>\(link)"
        if index + 1 < entries.count, entries[index + 1].level > 2 {
          out += "<ol>\n"
          open = true
        } else {
          out += "</li>\n"
        }
      } else {
        out += "<li>\(link)</li>\n"
      }
    }
    if open { out += "</ol></li>\n" }
    return out + "</ol>\n"
  }
}
