import Foundation
import GuideKit

/// The guides grouped by family for the site's navigation: the families in the order of
/// `families.yaml`, each family's guides in the order of their titles, and the guides of no
/// declared family last, under "Other guides".
struct SiteNavigation: Sendable {
  /// A family and its guides, as the navigation shows them.
  struct Group: Sendable {
    var id: String
    var title: String
    var summary: String
    var guides: [Entry]
  }

  /// A guide as the navigation shows it: by its short title.
  struct Entry: Sendable {
    var id: String
    var title: String
  }

  /// The part of a guide's title before its first ": " ("Connection reset by peer" of
  /// "Connection reset by peer: ECONNRESET, ..."), or the whole title when there is none or
  /// the part is longer than 60 characters.
  static func shortTitle(_ title: String) -> String {
    guard let colon = title.range(of: ": ") else { return title }
    let head = title[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
    return head.isEmpty || head.count > 60 ? title : head
  }

  /// Where a guide sits: its group and its place in the group.
  struct Place: Sendable {
    var group: Int
    var index: Int
  }

  let groups: [Group]
  private let places: [String: Place]
  /// Each guide's short title.
  private let titles: [String: String]
  /// Each group's list items, escaped once: the pages of a family share them.
  private let itemsHTML: [[String]]

  init(_ library: ContentLibrary) {
    var groups: [Group] = (library.families?.value.families ?? []).map {
      Group(id: $0.id, title: $0.title, summary: $0.summary, guides: [])
    }
    var other = Group(
      id: "other", title: "Other guides", summary: "Guides that belong to no family.", guides: [])
    let groupOf = Dictionary(
      groups.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { first, _ in first })
    for guide in library.guides {
      let entry = Entry(id: guide.id, title: Self.shortTitle(guide.title))
      if let family = guide.frontMatter.family, let index = groupOf[family] {
        groups[index].guides.append(entry)
      } else {
        other.guides.append(entry)
      }
    }
    if !other.guides.isEmpty { groups.append(other) }
    for index in groups.indices {
      groups[index].guides.sort {
        ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id)
      }
    }
    groups.removeAll { $0.guides.isEmpty }
    var places: [String: Place] = [:]
    for (group, family) in groups.enumerated() {
      for (index, entry) in family.guides.enumerated() where places[entry.id] == nil {
        places[entry.id] = Place(group: group, index: index)
      }
    }
    self.groups = groups
    self.places = places
    titles = Dictionary(
      groups.flatMap { $0.guides.map { ($0.id, $0.title) } },
      uniquingKeysWith: { first, _ in first })
    itemsHTML = groups.map { group in
      group.guides.map { Self.item($0, root: Self.usualRoot, current: false) }
    }
  }

  /// The way to the root from the pages that list a family's guides (guides, troubleshooters).
  static let usualRoot = "../"

  /// One guide's list item.
  private static func item(_ entry: Entry, root: String, current: Bool) -> String {
    let id = HTMLText.escape(entry.id)
    let mark = current ? " aria-current=\"page\"" : ""
    return
      "<li><a\(mark) href=\"\(root)guides/\(id).html\">\(HTMLText.escape(entry.title))</a></li>"
  }

  /// The guide before and after `id` in its family.
  func neighbours(of id: String) -> (previous: Entry?, next: Entry?) {
    guard let place = places[id] else { return (nil, nil) }
    let guides = groups[place.group].guides
    return (
      place.index > 0 ? guides[place.index - 1] : nil,
      place.index + 1 < guides.count ? guides[place.index + 1] : nil
    )
  }

  /// The navigation's HTML for a page `root` away from the site's root: every family, and the
  /// guides of the current guide's family listed with the current one marked.
  func html(current id: String?, root unescaped: String) -> String {
    // The root is the base URL on the 404 page: text from the command line.
    let root = HTMLText.escape(unescaped)
    let place = id.flatMap { places[$0] }
    var out = "<h2 class=\"nav-title\">Guides by family</h2>\n<ul class=\"families\">\n"
    for (index, group) in groups.enumerated() {
      let open = place?.group == index
      out += "<li class=\"family\(open ? " open" : "")\">"
      out +=
        "<a class=\"family-link\" href=\"\(root)index.html#family-\(HTMLText.escape(group.id))\">"
      out +=
        HTMLText.escape(group.title) + "</a> <span class=\"count\">\(group.guides.count)</span>"
      if open, let place {
        out += "\n<ul class=\"family-guides\">\n"
        for (position, entry) in group.guides.enumerated() {
          out +=
            position == place.index || root != Self.usualRoot
            ? Self.item(entry, root: root, current: position == place.index)
            : itemsHTML[index][position]
          out += "\n"
        }
        out += "</ul>"
      }
      out += "</li>\n"
    }
    return out + "</ul>\n"
  }
}

extension SiteNavigation {
  /// What a guide's pages show of the navigation.
  struct Page {
    /// The navigation's HTML, the guide's family open and the guide marked.
    var navHTML: String
    /// The guide's short title.
    var shortTitle: String?
    /// The guide's family (or "Other guides"), and the guides before and after it there.
    var family: Entry?
    var previous: Entry?
    var next: Entry?
    /// Whether there is a guide before or after this one.
    var hasPager: Bool { previous != nil || next != nil }
  }

  /// The navigation of the guide `id`'s pages, `root` away from the site's root.
  func page(_ id: String, root: String = usualRoot) -> Page {
    var page = Page(navHTML: html(current: id, root: root), shortTitle: titles[id])
    guard let place = places[id] else { return page }
    let group = groups[place.group]
    page.family = Entry(id: group.id, title: group.title)
    (page.previous, page.next) = neighbours(of: id)
    return page
  }
}
