import GuideKit

/// The pages that list guides: the home page, the tag pages, the error strings.
enum ListPages {
  /// A guide as a list item: title, summary, main error string, and its tags for the index's
  /// filter.
  struct Item {
    var id: String
    var title: String
    var summary: String
    var tags: [String]
    var mainError: String?

    init(_ guide: Guide) {
      id = guide.id
      title = guide.title
      summary = guide.frontMatter.summary
      tags = guide.frontMatter.tags
      mainError = guide.frontMatter.errors.first?.text
    }
  }

  /// A family on the home page, with its guides.
  struct Family {
    var id: String
    var title: String
    var summary: String
    var guides: [Item]
  }

  /// The home page: the guides by family, and every tag with its number of guides.
  struct Index {
    var guideCount: Int
    var families: [Family]
    var tags: [(tag: String, count: Int)]
  }

  /// A message in the list of error strings, with the guide that explains it.
  struct Row {
    var text: String
    var id: String
    /// The message's place among its guide's messages, from 1.
    var number: Int
    /// `broker`, the client library, or `client`.
    var printedBy: String
  }

  /// Every tag, sorted, with its guides in id order.
  static func tags(_ library: ContentLibrary) -> [(tag: String, guides: [Guide])] {
    var byTag: [String: [Guide]] = [:]
    for guide in library.guides {
      for tag in Set(guide.frontMatter.tags) { byTag[tag, default: []].append(guide) }
    }
    return byTag.keys.sorted().map { ($0, byTag[$0] ?? []) }
  }

  static func index(_ library: ContentLibrary, navigation: SiteNavigation) -> Index {
    let byID = Dictionary(
      library.guides.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let families = navigation.groups.map { group in
      Family(
        id: group.id, title: group.title, summary: group.summary,
        guides: group.guides.compactMap { byID[$0.id].map(Item.init) })
    }
    return Index(
      guideCount: library.guides.count, families: families,
      tags: tags(library).map { ($0.tag, $0.guides.count) })
  }

  /// Every message of every guide, sorted without regard to case, then by guide.
  static func errors(_ library: ContentLibrary) -> [Row] {
    var rows: [(key: String, row: Row)] = []
    for guide in library.guides {
      for (index, error) in guide.frontMatter.errors.enumerated() {
        let printedBy = error.side == .broker ? "broker" : (error.library?.rawValue ?? "client")
        rows.append(
          (
            error.text.lowercased(),
            Row(text: error.text, id: guide.id, number: index + 1, printedBy: printedBy)
          ))
      }
    }
    rows.sort {
      ($0.key, $0.row.text, $0.row.id, $0.row.number) < (
        $1.key, $1.row.text, $1.row.id, $1.row.number
      )
    }
    return rows.map(\.row)
  }
}
