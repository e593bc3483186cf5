import CommonMark
import GuideKit

/// A guide's page: what the error means and its causes first, then the exact
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

  /// A heading the page writes, with its id and permalink.
  struct Heading {
    var id: String
    var title: String
    var permalink: String

    init(_ id: String, _ title: String, permalinkTitle: String? = nil) {
      self.id = id
      self.title = title
      permalink = HeadingAnchors.permalink(id, title: permalinkTitle ?? title)
    }
  }

  /// One of the page's sections: its heading, the guide's Markdown under it as HTML, and the
  /// front-matter's entries some sections list after it.
  struct Section {
    var heading: Heading
    var html: String
    var entries = Entries.none

    /// What a section lists after its text.
    enum Entries {
      case none
      /// The exact messages.
      case messages([Message])
      /// The read-only checks `diagnose` runs.
      case checks([Check])
    }
  }

  /// A message of the front-matter, with its id (`error-1`, ...) and a permalink.
  struct Message {
    var heading: Heading
    var side: String
    var library: String?
    var format: String?
    var versions: String?
    var note: String?
  }

  /// A read-only check the guide names, as a card with its command.
  struct Check {
    var heading: Heading
    var command: String
    var needsRoot: Bool
    var runsOn: String
    var readsHTML: String
  }

  /// A related guide; `title` is nil when no guide has its id.
  struct Related {
    var id: String
    var how: String
    var title: String?
  }

  /// A source, with the link to it when its address is safe to link (``SafeURL``).
  struct Source {
    var title: String
    var url: String
    var href: String?
  }

  /// Everything the page shows, in the page's order.
  struct Content {
    var id: String
    var title: String
    var summary: String
    var tags: [String]
    /// What it means, causes, messages, reproduction, diagnostics, resolution, prevention.
    var sections: [Section]
    var related: Heading
    var relatedGuides: [Related]
    var faq: Section
    var sources: Heading
    var sourceLinks: [Source]
    var tocHTML: String
    var navigation: SiteNavigation.Page
  }

  static func content(_ guide: Guide, in build: SiteBuild) -> Content {
    let front = guide.frontMatter
    let links = LinkRewriter(guideIDs: build.guideIDs, toGuides: "")
    var anchors = HeadingAnchors(reserving: reservedIDs(guide))
    var sections: [Section] = []
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
      var item = Section(
        heading: Heading(id, part.title),
        html: anchors.anchored(links.html(markdown), subsectionIDs: subsectionIDs))
      if part.key == "messages" {
        item.entries = .messages(messages(front, anchors: &anchors))
      } else if part.key == "diagnostics" {
        item.entries = .checks(checks(front, in: build, links: links, anchors: &anchors))
      }
      sections.append(item)
    }
    let related = Heading(
      anchors.heading("Related errors", level: 2, id: "related-errors"), "Related errors")
    let relatedGuides = front.related.map { related in
      Related(id: related.id, how: related.how, title: build.guideTitles[related.id])
    }
    let faqID = anchors.heading("FAQ", level: 2, id: "faq")
    let faqSection = guide.body.section("FAQ")
    let faqIDs = (faqSection?.subsections ?? []).map { "faq-" + HTMLText.slug($0.title) }
    let faq = Section(
      heading: Heading(faqID, "FAQ"),
      html: anchors.anchored(
        links.html(faqSection.map { guide.body.document.sourceText(of: $0.blocks) } ?? ""),
        subsectionIDs: faqIDs))
    let sources = Heading(anchors.heading("Sources", level: 2, id: "sources"), "Sources")
    let sourceLinks = front.sources.map { source in
      Source(title: source.title, url: source.url, href: SafeURL.external(source.url))
    }
    return Content(
      id: guide.id, title: guide.title, summary: front.summary, tags: front.tags,
      sections: sections, related: related, relatedGuides: relatedGuides, faq: faq,
      sources: sources, sourceLinks: sourceLinks, tocHTML: tableOfContents(anchors.entries),
      navigation: build.navigation.page(guide.id))
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

  /// Every message of the front-matter, each with its id (`error-1`, ...) and a permalink.
  private static func messages(_ front: GuideFrontMatter, anchors: inout HeadingAnchors)
    -> [Message]
  {
    front.errors.enumerated().map { index, error in
      let id = anchors.claim("error-\(index + 1)")
      return Message(
        heading: Heading(id, error.text), side: error.side.rawValue,
        library: error.library?.rawValue, format: error.format?.rawValue,
        versions: error.versions, note: error.note)
    }
  }

  /// The catalogue's read-only diagnostics the guide names, each a card with its command.
  private static func checks(
    _ front: GuideFrontMatter, in build: SiteBuild, links: LinkRewriter,
    anchors: inout HeadingAnchors
  ) -> [Check] {
    (front.diagnostics ?? []).compactMap { id in
      guard let command = build.library.diagnostic(id) else { return nil }
      let anchor = anchors.heading(command.title, level: 3, id: "diagnostic-" + command.id)
      return Check(
        heading: Heading(anchor, command.title), command: command.commandLine,
        needsRoot: command.needsRoot, runsOn: command.runsOn.rawValue,
        readsHTML: links.html(command.reads))
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
