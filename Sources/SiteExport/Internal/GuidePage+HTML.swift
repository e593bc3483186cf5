extension GuidePage {
  /// The page's main content: breadcrumbs, what it is, the sections in reading order, related
  /// guides, FAQ, sources, the guides before and after it in its family, and the table of
  /// contents. The layout (``PageRenderer``) puts it inside the site's header and navigation.
  static func html(_ page: Content) -> String {
    var out = HTMLWriter(capacity: 64 * 1024)
    out.write(breadcrumbs(page.navigation, id: page.id, crumbTitle: nil))
    out.write(
      """
      <article class="guide">
      <header class="guide-header">
      <h1>\(page.title)</h1>
      <p class="summary">\(page.summary)</p>
      <p class="tags">
      """)
    for tag in page.tags { out.write("<a class=\"tag\" href=\"../tags/\(tag).html\">\(tag)</a> ") }
    out.write(
      """
      </p>
      <p class="actions"><a class="button" href="../troubleshoot/\(page.id).html">Troubleshoot step by step</a></p>
      </header>
      <div class="with-toc">
      <div class="guide-body">

      """)
    for section in page.sections { out.write(html(section)) }
    out.write(
      """
      <section class="guide-section related" aria-labelledby="\(page.related.id)">
      \(heading(page.related, level: 2))
      <ul>

      """)
    for related in page.relatedGuides {
      let name: HTML =
        if let title = related.title { "<a href=\"\(related.id).html\">\(title)</a>" } else {
          "\(related.id)"
        }
      out.write("<li id=\"related-\(related.id)\">\(name): \(related.how)</li>\n")
    }
    out.write(
      """
      </ul>
      </section>
      <section class="guide-section faq" aria-labelledby="\(page.faq.heading.id)">
      \(heading(page.faq.heading, level: 2))
      \(raw: page.faq.html)
      </section>
      <section class="guide-section sources" aria-labelledby="\(page.sources.id)">
      \(heading(page.sources, level: 2))
      <ul>

      """)
    for source in page.sourceLinks {
      let link: HTML =
        if let href = source.href {
          "<a href=\"\(href)\" rel=\"noopener\">\(source.title)</a>"
        } else {
          "\(source.title) (\(source.url))"
        }
      out.write("<li>\(link)</li>\n")
    }
    out.write(
      """
      </ul>
      </section>

      """)
    out.write(if: page.navigation.hasPager, pager(page.navigation))
    out.write(
      """

      </div>
      <nav class="toc" aria-labelledby="toc-title">
      <details open>
      <summary id="toc-title">On this page</summary>
      \(raw: page.tocHTML)
      </details>
      </nav>
      </div>
      </article>

      """)
    return out.text
  }

  /// A section: its heading and text, then the messages or the checks it lists.
  private static func html(_ section: Section) -> HTML {
    var out = HTMLWriter()
    out.write(
      """
      <section class="guide-section" aria-labelledby="\(section.heading.id)">
      \(heading(section.heading, level: 2))
      \(raw: section.html)
      """)
    switch section.entries {
    case .none:
      out.write("\n</section>\n")
    case .messages(let messages):
      out.write(
        """

        <h3 class="list-title">Every message this guide explains</h3>
        <ul class="signature-list">

        """)
      for message in messages { out.write(html(message)) }
      out.write("</ul>\n</section>\n")
    case .checks(let checks):
      out.write("\n")
      if !checks.isEmpty {
        out.write(
          """
          <p class="list-title">Read-only checks that <code>rmq-doctor diagnose</code> runs for this guide:</p>

          """)
      }
      for check in checks { out.write(html(check)) }
      out.write("</section>\n")
    }
    return HTML(text: out.text)
  }

  /// A message: the text with its copy button and permalink, where it is seen, and its note.
  private static func html(_ message: Message) -> HTML {
    let id = message.heading.id
    var meta: HTML = "\(message.side)"
    if let library = message.library { meta = "\(meta) · \(library)" }
    if let format = message.format { meta = "\(meta) · \(format) log format" }
    if let versions = message.versions { meta = "\(meta) · \(versions)" }
    let note: HTML = message.note.map { "<p class=\"note\">\($0)</p>" } ?? ""
    return """
      <li id="\(id)">
      <div class="code-line"><code id="\(id)-text">\(message.heading.title)</code> <button class="copy" type="button" data-copy="\(id)-text" hidden>Copy</button> \(raw: message.heading.permalink)</div>
      <p class="meta">\(meta)</p>
      \(note)
      </li>

      """
  }

  /// A check's card: its title, the command with a copy button, and what it reads.
  private static func html(_ check: Check) -> HTML {
    let id = check.heading.id
    let root: HTML = check.needsRoot ? " · run as root or the rabbitmq user" : ""
    return """
      <div class="diagnostic">
      \(heading(check.heading, level: 3))
      <div class="code-block"><pre tabindex="0"><code id="\(id)-command">\(check.command)</code></pre><button class="copy" type="button" data-copy="\(id)-command" hidden>Copy</button></div>
      <p class="meta">Read-only\(root) · runs on the \(check.runsOn) host</p>
      \(raw: check.readsHTML)
      </div>

      """
  }

  /// A heading with its id and permalink.
  private static func heading(_ heading: Heading, level: Int) -> HTML {
    "<h\(raw: String(level)) id=\"\(heading.id)\">\(heading.title) \(raw: heading.permalink)</h\(raw: String(level))>"
  }

  /// Where a guide's pages sit: the guides, its family, the page (and, below the page, the
  /// part of it shown: `crumbTitle`).
  static func breadcrumbs(_ navigation: SiteNavigation.Page, id: String, crumbTitle: String?)
    -> HTML
  {
    let shortTitle = navigation.shortTitle ?? ""
    let family: HTML =
      navigation.family.map {
        "<li><a href=\"../index.html#family-\($0.id)\">\($0.title)</a></li>"
      } ?? ""
    let page: HTML =
      if let crumbTitle {
        """
        <li><a href="../guides/\(id).html">\(shortTitle)</a></li>
        <li><span aria-current="page">\(crumbTitle)</span></li>

        """
      } else {
        """

        <li><span aria-current="page">\(shortTitle)</span></li>
        """
      }
    return """
      <nav class="breadcrumbs" aria-label="Breadcrumbs">
      <ol>
      <li><a href="../index.html">Guides</a></li>
      \(family)
      \(page)
      </ol>
      </nav>
      """
  }

  /// The guides before and after this one in its family.
  private static func pager(_ navigation: SiteNavigation.Page) -> HTML {
    let family: HTML = navigation.family.map { " in \($0.title)" } ?? ""
    let previous: HTML =
      navigation.previous.map {
        "<a class=\"previous\" href=\"../guides/\($0.id).html\" rel=\"prev\"><span class=\"pager-label\">Previous</span> \($0.title)</a>"
      } ?? ""
    let next: HTML =
      navigation.next.map {
        "<a class=\"next\" href=\"../guides/\($0.id).html\" rel=\"next\"><span class=\"pager-label\">Next</span> \($0.title)</a>"
      } ?? ""
    return """
      <nav class="pager" aria-label="Previous and next guide\(family)">
      \(previous)
      \(next)
      </nav>
      """
  }
}
