extension Templates {
  /// A guide in a list: title, summary, main error string; its tags for the index's filter.
  static let guideItem = """
    <li class="guide-item" data-tags="{{#tags}}{{.}} {{/tags}}">
    <a class="guide-link" href="{{root}}guides/{{id}}.html">{{title}}</a>
    <p class="summary">{{summary}}</p>
    {{#mainError}}<p class="main-error"><code>{{mainError}}</code></p>{{/mainError}}
    </li>
    """

  /// The home page: the guides grouped by family, with their tags as filters.
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

  /// Every error string, each to its guide.
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

  /// The search page; `search.js` runs the query of `?q=` on load.
  static let search = """
    <h1>Search by error</h1>
    <form class="search-form" id="search-form" action="search.html" method="get" role="search">
    <label for="q">Paste the error as it is: log line, exception, several lines of a traceback. Results appear as you type.</label>
    <textarea id="q" name="q" rows="5"></textarea>
    <button type="submit">Search</button>
    </form>
    <noscript><p class="notice">The search runs in your browser and needs JavaScript. Without it, find the message in the <a href="errors.html">list of error strings</a>.</p></noscript>
    <p id="search-status" role="status"></p>
    <ol id="results" class="results" data-state="idle"></ol>

    """

  /// The page a server shows for a missing path; its links use the base URL.
  static let notFound = """
    <h1>Page not found</h1>
    <p>There is no page at this address. Try the <a href="{{root}}search.html">search</a> or the <a href="{{root}}index.html">list of guides</a>.</p>

    """
}
