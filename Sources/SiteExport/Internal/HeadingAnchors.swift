/// Gives the headings of a page their fragment ids and permalinks, and remembers them for the
/// page's table of contents. Ids are unique on the page: a second "Symptoms" becomes
/// `symptoms-2`.
struct HeadingAnchors {
  /// A heading as the table of contents lists it.
  struct Entry {
    var level: Int
    var id: String
    var title: String
  }

  /// The headings so far, in page order.
  private(set) var entries: [Entry] = []
  private var used: Set<String> = []
  /// Ids the page's own parts keep (sections, messages, causes, steps, the layout's ids): a
  /// heading of the body with the same slug gets `-2` instead of taking one.
  private let reserved: Set<String>

  /// Anchors for a page whose fixed parts use `reserved`.
  init(reserving reserved: Set<String> = []) {
    self.reserved = reserved.union(Self.layoutIDs)
  }

  /// The ids every page's layout and scripts use.
  static let layoutIDs: Set<String> = [
    "main", "site-nav", "header-q", "header-hint", "header-results", "toc-title", "tree", "trail",
  ]

  /// `base`, or `base-2`, `base-3`, ... if the page already has it or keeps it for one of its
  /// parts; recorded as used.
  mutating func unique(_ base: String) -> String {
    var id = base
    var number = 2
    while used.contains(id) || reserved.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    used.insert(id)
    return id
  }

  /// Takes `id` for one of the page's own parts (a reserved id, or a new one made unique).
  mutating func claim(_ id: String) -> String {
    if reserved.contains(id) && !used.contains(id) {
      used.insert(id)
      return id
    }
    return unique(id)
  }

  /// Records a heading the template writes (a section's `h2`, a diagnostic's `h3`) and returns
  /// its id.
  mutating func heading(_ title: String, level: Int, id base: String) -> String {
    let id = claim(base)
    entries.append(Entry(level: level, id: id, title: title))
    return id
  }

  /// The permalink a heading ends with; `id` and `title` are escaped here.
  static func permalink(_ id: String, title: String) -> String {
    "<a class=\"anchor\" href=\"#\(HTMLText.escape(id))\" aria-label=\"Link to: "
      + "\(HTMLText.escape(title))\">#</a>"
  }

  /// `html` (cmark's rendering of one section's blocks) with an id and a permalink on each
  /// heading. The n-th `h3` takes the id `subsectionIDs[n]` when there is one (a cause's or a
  /// step's id); every other heading a slug of its text. `h3` headings go into the table of
  /// contents.
  ///
  /// Read as bytes: in cmark's output a tag is ASCII, and `<` stands nowhere else.
  mutating func anchored(_ html: String, subsectionIDs: [String?] = []) -> String {
    let bytes = Array(html.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 256)
    var copied = 0
    var searchFrom = 0
    var h3Count = 0
    while let open = Self.firstIndex(of: Self.headingOpen, in: bytes, from: searchFrom) {
      let digit = open + 2
      guard digit + 1 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[digit]),
        bytes[digit + 1] == UInt8(ascii: ">"),
        case let level = Int(bytes[digit] - UInt8(ascii: "0")),
        let close = Self.firstIndex(of: Array("</h\(level)>".utf8), in: bytes, from: digit + 2)
      else {
        searchFrom = open + 2
        continue
      }
      let inner = String(decoding: bytes[(digit + 2)..<close], as: UTF8.self)
      let title = HTMLText.plainText(ofHTML: inner)
      let id: String
      if level == 3, h3Count < subsectionIDs.count, let given = subsectionIDs[h3Count] {
        id = claim(given)
      } else {
        id = unique(HTMLText.slug(title))
      }
      if level == 3 {
        h3Count += 1
        entries.append(Entry(level: 3, id: id, title: title))
      }
      out.append(contentsOf: bytes[copied..<open])
      out.append(
        contentsOf:
          "<h\(level) id=\"\(HTMLText.escape(id))\">\(inner) \(Self.permalink(id, title: title))</h\(level)>"
          .utf8)
      copied = close + 5
      searchFrom = copied
    }
    out.append(contentsOf: bytes[copied...])
    return String(decoding: out, as: UTF8.self)
  }

  private static let headingOpen = Array("<h".utf8)

  /// Where `needle` first starts in `bytes` at or after `start`.
  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, start < bytes.count else { return nil }
    var index = start
    while let found = bytes[index...].firstIndex(of: first) {
      if bytes[found...].starts(with: needle) { return found }
      index = found + 1
    }
    return nil
  }
}
