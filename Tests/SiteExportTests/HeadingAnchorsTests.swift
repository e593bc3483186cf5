import Foundation
import TestSupport
import Testing

@testable import SiteExport

/// Ids and permalinks on the headings of cmark's HTML: unique on the page, the page's own ids
/// kept for its parts, every id and title escaped.
@Suite struct HeadingAnchorsTests {
  @Test func aBodyHeadingDoesNotTakeAnIdThePageKeeps() {
    var anchors = HeadingAnchors(reserving: ["causes", "error-1", "related-epipe"])
    let html = anchors.anchored("<h3>Causes</h3>\n<h3>Error 1</h3>\n<h3>Related: EPIPE</h3>\n")
    #expect(html.contains("<h3 id=\"causes-2\">"))
    #expect(html.contains("<h3 id=\"error-1-2\">"))
    #expect(html.contains("<h3 id=\"related-epipe-2\">"))
    // The parts claim theirs afterwards and get them unchanged.
    #expect(anchors.heading("Common causes", level: 2, id: "causes") == "causes")
    #expect(anchors.claim("error-1") == "error-1")
    // A second claim of the same id is made unique.
    #expect(anchors.claim("error-1") == "error-1-3")
  }

  @Test func layoutIdsAreKeptOnEveryPage() {
    var anchors = HeadingAnchors()
    let html = anchors.anchored("<h2>Main</h2><h4>Tree</h4>")
    #expect(html.contains("<h2 id=\"main-2\">") && html.contains("<h4 id=\"tree-2\">"), "\(html)")
  }

  @Test func givenIdsGoToTheHeadingsInOrderAndSlugsToTheRest() {
    var anchors = HeadingAnchors()
    let html = anchors.anchored(
      "<h3>First <code>x</code></h3><p>text</p><h3>Second</h3><h4>Deeper &amp; more</h4>",
      subsectionIDs: ["cause-first", nil])
    #expect(
      html.contains(
        "<h3 id=\"cause-first\">First <code>x</code> <a class=\"anchor\" href=\"#cause-first\""))
    #expect(html.contains("<h3 id=\"second\">"))
    #expect(html.contains("<h4 id=\"deeper-more\">"))
    #expect(anchors.entries.map(\.id) == ["cause-first", "second"], "h3 headings only")
    #expect(anchors.entries.first?.title == "First x")
  }

  @Test func idsAndTitlesAreEscaped() {
    var anchors = HeadingAnchors()
    let id = anchors.heading("A \"quoted\" <title>", level: 2, id: "x\"y<z")
    let link = HeadingAnchors.permalink(id, title: "A \"quoted\" <title>")
    #expect(link.contains("href=\"#x&quot;y&lt;z\""), "\(link)")
    #expect(link.contains("aria-label=\"Link to: A &quot;quoted&quot; &lt;title&gt;\""), "\(link)")
    let contents = GuidePage.tableOfContents(anchors.entries)
    #expect(contents.contains("href=\"#x&quot;y&lt;z\"") && contents.contains("&lt;title&gt;"))
  }

  @Test func textThatOnlyLooksLikeAHeadingIsLeftAlone() {
    var anchors = HeadingAnchors()
    let html =
      "<pre><code>&lt;h2&gt;not a heading&lt;/h2&gt;</code></pre><p>a <hr> and <h7>x</h7></p>"
    #expect(anchors.anchored(html) == html)
    #expect(anchors.entries.isEmpty)
  }

  @Test func anUnclosedHeadingAtTheEndIsLeftAlone() {
    var anchors = HeadingAnchors()
    for html in ["<p>x</p><h2>never closed", "<p>x</p><h2", "<h", "<h3>", "<h2>a</h3>"] {
      #expect(anchors.anchored(html) == html)
    }
    #expect(anchors.entries.isEmpty)
  }

  @Test func everyCodeBlockIsReachableWithTheKeyboard() {
    let html = LinkRewriter(guideIDs: [], toGuides: "").html("```\none\n```\n\ntext\n\n    two\n")
    #expect(html.components(separatedBy: "<pre tabindex=\"0\">").count == 3)
    #expect(!html.contains("<pre>"))
  }

  /// The byte loop gives what replacing the text `<pre>` gives, on text made of the tag's
  /// pieces, at the edges and with multi-byte characters around them.
  @Test func codeBlockTagsAreFoundWhereverTheyStand() {
    let tagged = "<pre tabindex=\"0\">"
    var random = SeededRandom(seed: 11)
    let pieces = ["<", "p", "r", "e", ">", "<pre>", "<pr", "é", "😀", " "]
    var samples = ["", "<pre>", "<pre><pre>", "x<pre>", "<pre>x", "<pre", "<<pre>>", "pre>"]
    for _ in 0..<2_000 {
      samples.append(
        (0..<random.next(below: 12)).map { _ in pieces[random.next(below: 10)] }.joined())
    }
    for html in samples {
      #expect(
        LinkRewriter.focusableCodeBlocks(html)
          == html.replacingOccurrences(of: "<pre>", with: tagged), "\(html)")
    }
  }

  @Test func slugsAreLowercaseWordsJoinedByHyphens() {
    #expect(HTMLText.slug("Why is there no econnreset?") == "why-is-there-no-econnreset")
    #expect(HTMLText.slug("{inet_error,etimedout} (3.10)") == "inet-error-etimedout-3-10")
    #expect(HTMLText.slug("¿¡!") == "section")
    #expect(HTMLText.slug(String(repeating: "word ", count: 30)).count <= 60)
  }
}
