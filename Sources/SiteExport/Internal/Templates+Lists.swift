extension Templates {
  /// A guide in a list: title, summary, main error string.
  static let guideItem = """
    <li class="guide-item">
    <a class="guide-link" href="{{root}}guides/{{id}}.html">{{title}}</a>
    <p class="summary">{{summary}}</p>
    {{#mainError}}<p class="main-error"><code>{{mainError}}</code></p>{{/mainError}}
    </li>
    """

  /// The home page: the guides grouped by tag.
  static let index = """
    <h1>{{siteTitle}}</h1>
    <p class="lead">{{guideCount}} guides to RabbitMQ connection errors: the exact messages, what they mean, their causes and how to fix them. Paste an error into the <a href="search.html">search</a>, or browse the <a href="errors.html">error strings</a>.</p>
    <form class="search-form" action="search.html" method="get" role="search">
    <label for="index-q">Paste an error</label>
    <textarea id="index-q" name="q" rows="3" placeholder="2026-11-23 04:46:25 [error] &lt;0.680.0&gt; missed heartbeats from client, timeout: 60s"></textarea>
    <button type="submit">Search</button>
    </form>
    {{#tags}}
    <section class="tag-group" id="tag-{{tag}}">
    <h2><a href="tags/{{tag}}.html">{{tag}}</a></h2>
    <ul class="guide-list">
    {{#guides}}
    {{> guideItem}}
    {{/guides}}
    </ul>
    </section>
    {{/tags}}

    """

  /// A tag's page.
  static let tag = """
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
    <label for="q">Paste the error as it is: log line, exception, several lines of a traceback</label>
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
