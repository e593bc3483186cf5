import CommonMark
import Foundation

/// Turns links between guides, written in Markdown as the bare guide id (`[epipe](epipe)`),
/// into links to the guide's page, relative to the page that shows them.
struct LinkRewriter {
  /// The ids of the guides.
  let guideIDs: Set<String>
  /// The way from the page to the `guides/` folder: `""` from a guide page, `"../guides/"`
  /// from a troubleshooter page.
  let toGuides: String

  /// The destination to use for `destination`, or `nil` to keep it.
  func rewrite(_ destination: String) -> String? {
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    guard let first = parts.first, guideIDs.contains(String(first)) else { return nil }
    let fragment = parts.count > 1 ? "#" + parts[1] : ""
    return toGuides + first + ".html" + fragment
  }

  /// `markdown` as HTML, through cmark in safe mode, with guide links rewritten, and each code
  /// block reachable with the keyboard (`tabindex="0"`), since long lines scroll sideways.
  func html(_ markdown: String) -> String {
    let html = HTMLRenderer.render(markdown, rewritingLinks: rewrite)
    // Bytes, not Foundation's search: this runs on every section of every page.
    let bytes = Array(html.utf8)
    let pre = Array("<pre>".utf8)
    guard bytes.firstRange(of: pre) != nil else { return html }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var rest = bytes[...]
    while let found = rest.firstRange(of: pre) {
      out.append(contentsOf: rest[..<found.lowerBound])
      out.append(contentsOf: "<pre tabindex=\"0\">".utf8)
      rest = rest[found.upperBound...]
    }
    out.append(contentsOf: rest)
    return String(decoding: out, as: UTF8.self)
  }
}
