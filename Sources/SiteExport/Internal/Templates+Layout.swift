/// The Mustache templates of the site. `{{name}}` escapes `& < > " '`; the only unescaped
/// insertions (`{{{...}}}`) are HTML this module made: a rendered page body, or cmark's output
/// in safe mode.
enum Templates {
  /// The policy every page carries: only the site's own scripts, styles and images.
  static let contentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    + "form-action 'self'; base-uri 'none'"

  /// Every page: head, header with the search box, the content, the scripts.
  static let layout = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="{{csp}}">
    <meta name="color-scheme" content="light dark">
    <title>{{pageTitle}} · {{siteTitle}}</title>
    {{#description}}<meta name="description" content="{{description}}">
    {{/description}}
    <link rel="stylesheet" href="{{root}}assets/site.css">
    </head>
    <body class="{{bodyClass}}">
    <a class="skip" href="#main">Skip to the content</a>
    <header class="site-header">
    <a class="brand" href="{{root}}index.html">{{siteTitle}}</a>
    <nav aria-label="Site">
    <a href="{{root}}index.html">Guides</a>
    <a href="{{root}}errors.html">Error strings</a>
    <a href="{{root}}search.html">Search</a>
    </nav>
    </header>
    <main id="main">
    {{{content}}}
    </main>
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
