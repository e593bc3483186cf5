import GuideKit

/// The contexts of the pages that list guides: the home page, tag pages, the error strings.
enum ListPages {
  /// A guide as a list item.
  static func item(_ guide: Guide) -> [String: Any] {
    var item: [String: Any] = [
      "id": guide.id, "title": guide.title, "summary": guide.frontMatter.summary,
      "tags": guide.frontMatter.tags,
    ]
    if let first = guide.frontMatter.errors.first { item["mainError"] = first.text }
    return item
  }

  /// Every tag, sorted, with its guides in id order.
  static func tags(_ library: ContentLibrary) -> [(tag: String, guides: [Guide])] {
    var byTag: [String: [Guide]] = [:]
    for guide in library.guides {
      for tag in Set(guide.frontMatter.tags) { byTag[tag, default: []].append(guide) }
    }
    return byTag.keys.sorted().map { ($0, byTag[$0] ?? []) }
  }

  /// The home page: the guides by family, and every tag with its number of guides.
  static func index(_ library: ContentLibrary, navigation: SiteNavigation) -> [String: Any] {
    let byID = Dictionary(
      library.guides.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let families: [[String: Any]] = navigation.groups.map { group in
      [
        "id": group.id, "title": group.title, "summary": group.summary,
        "count": group.guides.count, "guides": group.guides.compactMap { byID[$0.id].map(item) },
      ]
    }
    return [
      "guideCount": library.guides.count, "families": families,
      "tags": tags(library).map { ["tag": $0.tag, "count": $0.guides.count] },
    ]
  }

  static func tag(_ tag: String, guides: [Guide]) -> [String: Any] {
    ["tag": tag, "guides": guides.map(item)]
  }

  /// Every message of every guide, sorted without regard to case, then by guide.
  static func errors(_ library: ContentLibrary) -> [String: Any] {
    var rows: [(key: String, text: String, id: String, number: Int, printedBy: String)] = []
    for guide in library.guides {
      for (index, error) in guide.frontMatter.errors.enumerated() {
        let printedBy = error.side == .broker ? "broker" : (error.library?.rawValue ?? "client")
        rows.append((error.text.lowercased(), error.text, guide.id, index + 1, printedBy))
      }
    }
    rows.sort { ($0.key, $0.text, $0.id, $0.number) < ($1.key, $1.text, $1.id, $1.number) }
    return [
      "rows": rows.map {
        ["text": $0.text, "id": $0.id, "number": $0.number, "printedBy": $0.printedBy]
      }
    ]
  }
}
