extension Templates {
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
