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
  mutating func anchored(_ html: String, subsectionIDs: [String?] = []) -> String {
    var out = ""
    out.reserveCapacity(html.utf8.count + 256)
    var rest = html[...]
    var h3Count = 0
    while let open = rest.firstRange(of: "<h") {
      let afterOpen = rest[open.upperBound...]
      guard let digit = afterOpen.first, let level = digit.wholeNumberValue,
        (1...6).contains(level),
        afterOpen.dropFirst().first == ">",
        let close = afterOpen.firstRange(of: "</h\(level)>")
      else {
        out += rest[..<open.upperBound]
        rest = afterOpen
        continue
      }
      let inner = afterOpen[afterOpen.index(afterOpen.startIndex, offsetBy: 2)..<close.lowerBound]
      let title = HTMLText.plainText(ofHTML: String(inner))
      let id: String
      if level == 3, h3Count < subsectionIDs.count, let given = subsectionIDs[h3Count] {
        id = claim(given)
      } else {
        id = unique(HTMLText.slug(title))
      }
      if level == 3 { h3Count += 1 }
      if level == 3 { entries.append(Entry(level: 3, id: id, title: title)) }
      out += rest[..<open.lowerBound]
      out +=
        "<h\(level) id=\"\(HTMLText.escape(id))\">\(inner) \(Self.permalink(id, title: title))</h\(level)>"
      rest = afterOpen[close.upperBound...]
    }
    out += rest
    return out
  }
}
