import Foundation
import GuideKit
import SiteExport
import Testing

/// Content written to attack the site: script tags, event-handler attributes, `javascript:`
/// URLs and quotes in titles, error strings, notes, FAQ, sources, questions and the body. The
/// export must show it as text and leave nothing that runs.
@Suite struct HostileContentTests {
  static let hostileGuide = #"""
    ---
    schema: 1
    id: alpha
    title: "Alpha <script>alert(1)</script> \" onmouseover=\"alert(2)\" ' x='"
    summary: "A summary <img src=x onerror=alert(3)> and \"quotes\""
    tags: [test]
    errors:
      - text: "</code><script>alert(4)</script><code>"
        side: broker
        note: "<a href=\"javascript:alert(5)\">note</a>"
      - text: "\" onfocus=\"alert(6)\" autofocus \""
        side: client
        library: pika
        versions: "<svg onload=alert(7)>"
    related:
      - id: beta
        how: "<iframe src=\"javascript:alert(8)\"></iframe>"
    sources:
      - title: "Source \" onclick=\"alert(9)"
        url: "javascript:alert(10)"
      - title: Spaced scheme
        url: " JaVaScRiPt:alert(11)"
    diagnostics: [list-connections]
    causes:
      - id: heartbeats-off
        title: Heartbeats are off
        steps: [turn-on-heartbeats]
      - id: something-else
        title: Something else
        steps: [look-elsewhere]
    steps:
      - id: turn-on-heartbeats
        title: Turn heartbeats on
      - id: look-elsewhere
        title: Look elsewhere
    questions:
      - id: alpha-local
        text: "Is it <script>alert(12)</script> local?"
        why: "Because <img src=x onerror=alert(13)> [why](javascript:alert(14))."
        answers:
          - id: "yes"
            label: "Yes <b onmouseover=alert(15)>"
          - id: "no"
            label: "No \" onclick=\"alert(16)"
    tree:
      start: first
      nodes:
        - id: first
          question: heartbeat-off
          answers:
            "yes": { cause: heartbeats-off }
            "no": { next: second }
        - id: second
          question: alpha-local
          answers:
            "yes": { cause: something-else }
            "no": { cause: heartbeats-off }
    ---
    ## Exact error message

    <script>alert(17)</script>

    <img src="x" onerror="alert(18)">

    ## What it means

    A [link](javascript:alert(19)), a [shouting link](JAVASCRIPT:alert(20)), an autolink
    <javascript:alert(21)>, an image ![i](javascript:alert(22)), a data link
    [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgyMyk8L3NjcmlwdD4=), inline <b onclick="alert(24)">html</b>.

    ## Common causes

    ### Heartbeats are off

    <div onmouseover="alert(25)">x</div>

    ### Something else

    Other things.

    ## How to reproduce

    Run it.

    ## Diagnostic commands

    List them:

    ```sh
    rabbitmqctl list_connections "</code><script>alert(26)</script>"
    ```

    ## Step-by-step resolution

    ### Turn heartbeats on

    Set it <style>body{display:none}</style>.

    ### Look elsewhere

    Look.

    ## Prevention

    - Keep them on.

    ## Related errors

    See beta.

    ## FAQ

    ### Is <script>alert(27)</script> "bad" or 'worse'?

    <iframe src="javascript:alert(28)"></iframe> Yes [really](javascript:alert(29)).

    ### Can I ignore it?

    No.
    """#

  static func hostileSite() throws -> [SiteFile] {
    let content = try TestSite.temporaryDirectory() + "/content"
    try FileManager.default.copyItem(atPath: TestSite.fixtureContent, toPath: content)
    try hostileGuide.write(toFile: content + "/guides/alpha.md", atomically: true, encoding: .utf8)
    let question = content + "/questions/heartbeat-off.yaml"
    let text = try String(contentsOfFile: question, encoding: .utf8).replacingOccurrences(
      of: "text: Do the connections negotiate heartbeat 0?",
      with: "text: \"Do <script>alert(30)</script> negotiate \\\" onclick=\\\"alert(31)?\"")
    try text.write(toFile: question, atomically: true, encoding: .utf8)
    let library = try TestSite.library(content)
    #expect(library.guide("alpha")?.title.contains("<script>") == true)
    return try SiteExporter(library: library).files()
  }

  static let allowedTags: Set<String> = [
    "html", "head", "meta", "title", "link", "body", "a", "header", "nav", "main", "footer",
    "script", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li",
    "code", "pre", "button", "div", "details", "summary", "table", "thead", "tbody", "tr", "th",
    "td", "form", "label", "textarea", "noscript", "strong", "em", "br", "hr", "blockquote", "img",
    "input", "span",
  ]

  @Test func nothingExecutableSurvives() throws {
    let pages = try Self.hostileSite().filter { $0.path.hasSuffix(".html") }
    #expect(pages.count > 5)
    let ownScript = try NSRegularExpression(
      pattern:
        #"^<script src="(\.\./|/)?assets/(site|search-data|search|troubleshooter|theme)\.js"></script>$"#
    )
    for page in pages {
      let html = String(decoding: page.contents, as: UTF8.self)
      #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\""), "\(page.path)")
      for tag in Self.tags(in: html) {
        let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        #expect(Self.allowedTags.contains(name), "\(page.path): <\(name)> in \(tag)")
        // Attribute names only: quoted values are text.
        let names = tag.replacingOccurrences(
          of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
        #expect(
          names.range(of: #"\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive])
            == nil, "\(page.path): \(tag)")
        #expect(!names.contains("'") && !names.contains("style="), "\(page.path): \(tag)")
        for value in Self.urlAttributes(in: tag) {
          let scheme = value.trimmingCharacters(in: .whitespaces).lowercased()
          #expect(
            !scheme.hasPrefix("javascript:") && !scheme.hasPrefix("data:")
              && !scheme.hasPrefix("vbscript:"), "\(page.path): \(tag)")
        }
      }
      for script in html.components(separatedBy: "<script").dropFirst() {
        let tag =
          "<script" + (script.components(separatedBy: "</script>").first ?? "") + "</script>"
        #expect(
          ownScript.firstMatch(in: tag, range: NSRange(tag.startIndex..., in: tag)) != nil,
          "\(page.path): \(tag)")
      }
    }
  }

  @Test func hostileTextIsShownEscapedNotDropped() throws {
    let files = try Self.hostileSite()
    let guide = String(
      decoding: try #require(files.first { $0.path == "guides/alpha.html" }).contents, as: UTF8.self
    )
    #expect(
      guide.contains(
        "<h1>Alpha &lt;script&gt;alert(1)&lt;/script&gt; &quot; onmouseover=&quot;alert(2)&quot; &#39; x=&#39;</h1>"
      ))
    #expect(guide.contains("&lt;/code&gt;&lt;script&gt;alert(4)&lt;/script&gt;&lt;code&gt;"))
    // The FAQ question is a heading, whose raw HTML cmark leaves out; its permalink's label
    // is the heading's text, escaped.
    #expect(
      guide.contains(
        "<h3 id=\"faq-is-alert-27-bad-or-worse\">Is <!-- raw HTML omitted -->alert(27)"))
    #expect(
      guide.contains("aria-label=\"Link to: Is alert(27) &quot;bad&quot; or &#39;worse&#39;?\""))
    #expect(guide.contains("Source &quot; onclick=&quot;alert(9) (javascript:alert(10))"))
    let tree = String(
      decoding: try #require(files.first { $0.path == "troubleshoot/alpha.html" }).contents,
      as: UTF8.self)
    #expect(
      tree.contains(
        "Do &lt;script&gt;alert(30)&lt;/script&gt; negotiate &quot; onclick=&quot;alert(31)?"))
    #expect(tree.contains("No &quot; onclick=&quot;alert(16)"))
  }

  /// Every start tag of `html`: `<` followed by a letter, up to the next `>`. Escaped text
  /// (`&lt;`) is not a tag, and attribute values cannot hold `>` unescaped.
  static func tags(in html: String) -> [String] {
    let expression = try? NSRegularExpression(pattern: #"<[a-zA-Z][^>]*>"#)
    return expression?.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
      Range($0.range, in: html).map { String(html[$0]) }
    } ?? []
  }

  /// The values of `href`, `src`, `action` and `formaction` in `tag`, entities undone.
  static func urlAttributes(in tag: String) -> [String] {
    let expression = try? NSRegularExpression(
      pattern: #"\s(?:href|src|action|formaction)\s*=\s*"([^"]*)""#, options: .caseInsensitive)
    return expression?.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)).compactMap {
      Range($0.range(at: 1), in: tag).map {
        String(tag[$0]).replacingOccurrences(of: "&#58;", with: ":").replacingOccurrences(
          of: "&amp;", with: "&"
        )
        .replacingOccurrences(of: "&#x3A;", with: ":")
      }
    } ?? []
  }
}
