/// The Mustache templates of the site: the layout around every page, and the search and 404
/// pages (the guides, troubleshooters and lists are written in Swift, with ``HTML``).
/// `{{name}}` escapes `& < > " '`; the only unescaped insertions (`{{{...}}}`) are HTML this
/// module made: a rendered page body, or navigation built from escaped text (``HTMLText``).
enum Templates {
  /// The policy every page carries: only the site's own scripts, styles and images.
  static let contentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    + "form-action 'self'; base-uri 'none'"

  /// Every page: head, header with the search box and the theme switch, the content, the
  /// navigation by family, the scripts.
  static let layout = """
    <!DOCTYPE html>
    <html lang="en" data-root="{{root}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="{{csp}}">
    <meta name="color-scheme" content="light dark">
    <title>{{pageTitle}} · {{siteTitle}}</title>
    {{#description}}<meta name="description" content="{{description}}">
    {{/description}}
    <link rel="stylesheet" href="{{root}}assets/site.css">
    <script src="{{root}}assets/theme.js"></script>
    </head>
    <body class="{{bodyClass}}">
    <a class="skip" href="#main">Skip to the content</a>
    <header class="site-header">
    <a class="brand" href="{{root}}index.html">{{siteTitle}}</a>
    <nav class="site-links" aria-label="Site">
    <a href="{{root}}index.html">Guides</a>
    <a href="{{root}}errors.html">Error strings</a>
    {{#navHTML}}<a class="nav-jump" href="#site-nav">All guides</a>{{/navHTML}}
    </nav>
    <form class="header-search" action="{{root}}search.html" method="get" role="search">
    <label class="visually-hidden" for="header-q">Search the guides by error</label>
    <input id="header-q" class="header-q" type="search" name="q" placeholder="Paste an error (press /)" autocomplete="off" spellcheck="false" aria-describedby="header-hint">
    <span id="header-hint" class="visually-hidden">Results appear below as you type; arrow keys move through them.</span>
    <div class="header-results" id="header-results" hidden></div>
    </form>
    <button class="theme-toggle" type="button" aria-pressed="false" hidden>Dark theme</button>
    </header>
    <div class="page">
    <main id="main">
    {{{content}}}
    </main>
    {{#navHTML}}
    <nav class="site-nav" id="site-nav" aria-label="Guides by family">
    {{{navHTML}}}
    </nav>
    {{/navHTML}}
    </div>
    <footer class="site-footer">
    <p>Made by <code>rmq-doctor export html</code>. Facts checked against the RabbitMQ documentation cited on each guide.</p>
    </footer>
    {{#scripts}}
    <script src="{{root}}assets/{{.}}"></script>
    {{/scripts}}
    </body>
    </html>

    """
}
