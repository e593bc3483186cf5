extension ListPages {
  /// A guide in a list, `root` away from the site's root.
  static func html(_ item: Item, root: String) -> HTML {
    var tags = HTMLWriter()
    for tag in item.tags { tags.write("\(tag) ") }
    let mainError: HTML =
      item.mainError.map { "<p class=\"main-error\"><code>\($0)</code></p>" } ?? ""
    return """
      <li class="guide-item" data-tags="\(raw: tags.text)">
      <a class="guide-link" href="\(root)guides/\(item.id).html">\(item.title)</a>
      <p class="summary">\(item.summary)</p>
      \(mainError)
      </li>
      """
  }

  /// The home page: the guides grouped by family, with their tags as filters.
  static func html(_ index: Index, siteTitle: String) -> String {
    var out = HTMLWriter(capacity: 256 * 1024)
    out.write(
      """
      <h1>\(siteTitle)</h1>
      <p class="lead">\(String(index.guideCount)) guides to RabbitMQ errors: the exact messages, what they mean, their causes and how to fix them. Paste an error into the search box at the top of every page, browse the <a href="errors.html">error strings</a>, or start from a family below.</p>
      <nav class="family-index" aria-label="Families">
      <ul>

      """)
    for family in index.families {
      out.write(
        """
        <li><a href="#family-\(family.id)">\(family.title)</a> <span class="count">\(String(family.guides.count))</span></li>

        """)
    }
    out.write(
      """
      </ul>
      </nav>
      <details class="tag-filter" id="tag-filter">
      <summary>Filter by tag</summary>
      <p class="tag-links">
      """)
    for (tag, count) in index.tags {
      out.write(
        "<a class=\"tag\" href=\"tags/\(tag).html\" data-tag=\"\(tag)\">\(tag) <span class=\"count\">\(String(count))</span></a> "
      )
    }
    out.write(
      """
      </p>
      <p class="filter-status" id="filter-status" role="status"></p>
      </details>

      """)
    for family in index.families {
      out.write(
        """
        <section class="family-group" aria-labelledby="family-\(family.id)">
        <h2 id="family-\(family.id)">\(family.title) <a class="anchor" href="#family-\(family.id)" aria-label="Link to: \(family.title)">#</a></h2>
        <p class="family-summary">\(family.summary)</p>
        <ul class="guide-list">

        """)
      for item in family.guides { out.write(html(item, root: "")) }
      out.write("</ul>\n</section>\n")
    }
    return out.text
  }

  /// A tag's page.
  static func html(tag: String, guides: [Item]) -> String {
    var out = HTMLWriter(capacity: 16 * 1024)
    out.write(
      """
      <nav class="breadcrumbs" aria-label="Breadcrumbs">
      <ol><li><a href="../index.html">Guides</a></li><li><span aria-current="page">Tag \(tag)</span></li></ol>
      </nav>
      <h1>Guides tagged \(tag)</h1>
      <ul class="guide-list">

      """)
    for item in guides { out.write(html(item, root: "../")) }
    out.write("</ul>\n<p><a href=\"../index.html\">All guides</a></p>\n")
    return out.text
  }

  /// Every error string, each to its guide.
  static func html(errors rows: [Row]) -> String {
    var out = HTMLWriter(capacity: rows.count * 200)
    out.write(
      """
      <h1>Error strings</h1>
      <p class="lead">Every exact message the guides explain, in alphabetical order, each linked to its guide.</p>
      <table class="error-index">
      <thead><tr><th scope="col">Message</th><th scope="col">Printed by</th><th scope="col">Guide</th></tr></thead>
      <tbody>

      """)
    for row in rows {
      out.write(
        """
        <tr><td><code>\(row.text)</code></td><td>\(row.printedBy)</td><td><a href="guides/\(row.id).html#error-\(String(row.number))">\(row.id)</a></td></tr>

        """)
    }
    out.write("</tbody>\n</table>\n")
    return out.text
  }
}
