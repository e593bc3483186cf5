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

  /// `base`, or `base-2`, `base-3`, ... if the page already has it; recorded as used.
  mutating func unique(_ base: String) -> String {
    var id = base
    var number = 2
    while used.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    used.insert(id)
    return id
  }

  /// Records a heading the template writes (a section's `h2`) and returns its id.
  mutating func heading(_ title: String, level: Int, id base: String) -> String {
    let id = unique(base)
    entries.append(Entry(level: level, id: id, title: title))
    return id
  }

  /// The permalink a heading ends with.
  static func permalink(_ id: String, title: String) -> String {
    "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to: \(HTMLText.escape(title))\">#</a>"
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
      var base = HTMLText.slug(title)
      if level == 3 {
        if h3Count < subsectionIDs.count, let given = subsectionIDs[h3Count] { base = given }
        h3Count += 1
      }
      let id = unique(base)
      if level == 3 { entries.append(Entry(level: 3, id: id, title: title)) }
      out += rest[..<open.lowerBound]
      out += "<h\(level) id=\"\(id)\">\(inner) \(Self.permalink(id, title: title))</h\(level)>"
      rest = afterOpen[close.upperBound...]
    }
    out += rest
    return out
  }
}
