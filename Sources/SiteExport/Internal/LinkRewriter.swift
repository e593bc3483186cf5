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
    Self.focusableCodeBlocks(HTMLRenderer.render(markdown, rewritingLinks: rewrite))
  }

  /// `html` with every `<pre>` tag given `tabindex="0"`.
  ///
  /// A loop over the bytes: this runs on every section of every page, and the generic
  /// `firstRange(of:)` an array of bytes gets from Foundation costs more than rendering them.
  static func focusableCodeBlocks(_ html: String) -> String {
    var html = html
    let rewritten = html.withUTF8 { bytes -> String? in
      let pre = Array("<pre>".utf8)
      let tag = Array("<pre tabindex=\"0\">".utf8)
      var out: [UInt8] = []
      var copied = 0
      var index = 0
      while index + pre.count <= bytes.count {
        if bytes[index] == pre[0] && pre.indices.allSatisfy({ bytes[index + $0] == pre[$0] }) {
          if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
          out.append(contentsOf: bytes[copied..<index])
          out.append(contentsOf: tag)
          index += pre.count
          copied = index
        } else {
          index += 1
        }
      }
      guard copied > 0 else { return nil }
      out.append(contentsOf: bytes[copied...])
      return String(decoding: out, as: UTF8.self)
    }
    return rewritten ?? html
  }
}
