import Foundation

/// Checks that every internal link of an exported site resolves: each `href`, `src` and form
/// `action` in each HTML page names a file of the site, and each `#fragment` an `id` in it.
public enum LinkChecker {
  /// A link that does not resolve.
  public struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
    /// The page, relative to the site's root.
    public var page: String
    /// The link as written.
    public var link: String
    /// What is missing.
    public var problem: String
    public var description: String { "\(page): \(link): \(problem)" }
  }

  /// The broken internal links under `site`. Links with a scheme (`https:`) are external and
  /// not followed; links that start with `basePath` (the 404 page's) are read from the root.
  public static func check(site: String, basePath: String = "/") -> [BrokenLink] {
    let root = URL(fileURLWithPath: site).standardizedFileURL
    let pages = htmlPages(under: root)
    var idsByPage: [String: Set<String>] = [:]
    func ids(_ page: String) -> Set<String>? {
      if let known = idsByPage[page] { return known }
      guard let text = try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
      else { return nil }
      let found = Set(matches(of: #"\sid="([^"]*)""#, in: text).map(unescape))
      idsByPage[page] = found
      return found
    }
    var broken: [BrokenLink] = []
    for page in pages {
      guard let text = try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
      else { continue }
      for raw in matches(of: #"\s(?:href|src|action)="([^"]*)""#, in: text) {
        let link = unescape(raw)
        if link.range(of: #"^[a-zA-Z][a-zA-Z0-9+.-]*:"#, options: .regularExpression) != nil {
          continue
        }
        var target = link
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
          fragment = String(target[target.index(after: hash)...])
          target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        let resolved: String
        if target.isEmpty {
          resolved = page
        } else if target.hasPrefix(basePath) && basePath.hasPrefix("/") {
          resolved = String(target.dropFirst(basePath.count))
        } else if target.hasPrefix("/") {
          broken.append(
            BrokenLink(page: page, link: link, problem: "absolute path outside the base path"))
          continue
        } else {
          let folder = URL(fileURLWithPath: page, relativeTo: root).deletingLastPathComponent()
          let url = URL(
            fileURLWithPath: target.removingPercentEncoding ?? target, relativeTo: folder
          )
          .standardizedFileURL
          guard url.path.hasPrefix(root.path + "/") else {
            broken.append(BrokenLink(page: page, link: link, problem: "leaves the site"))
            continue
          }
          resolved = String(url.path.dropFirst(root.path.count + 1))
        }
        var isDirectory: ObjCBool = false
        guard
          FileManager.default.fileExists(
            atPath: root.appendingPathComponent(resolved).path, isDirectory: &isDirectory),
          !isDirectory.boolValue
        else {
          broken.append(BrokenLink(page: page, link: link, problem: "no such file \(resolved)"))
          continue
        }
        if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html"),
          !(ids(resolved)?.contains(fragment.removingPercentEncoding ?? fragment) ?? false)
        {
          broken.append(
            BrokenLink(page: page, link: link, problem: "no id '\(fragment)' in \(resolved)"))
        }
      }
    }
    return broken
  }

  /// The HTML files under `root`, relative to it, sorted.
  public static func htmlPages(under root: URL) -> [String] {
    let base = root.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted()
  }

  private static func matches(of pattern: String, in text: String) -> [String] {
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
    return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
      Range($0.range(at: 1), in: text).map { String(text[$0]) }
    }
  }

  /// Undoes the escaping Mustache applies to attribute values.
  private static func unescape(_ value: String) -> String {
    value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
      of: "&#39;", with: "'"
    )
    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    .replacingOccurrences(of: "&amp;", with: "&")
  }
}
