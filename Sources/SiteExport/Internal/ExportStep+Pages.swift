import ErrorSearch
import Foundation
import GuideKit
import _Parallel

extension ExportStep {
  /// Refuses ids and tags that cannot be file names.
  static let checkNames = ExportStep(name: "checking guide ids and tags") {
    build throws(ExportError) in
    for guide in build.library.guides {
      for name in [guide.id] + guide.frontMatter.tags where !SafeURL.isSafeName(name) {
        throw ExportError(.unsafeName(name), path: guide.path)
      }
    }
  }

  /// One page per guide, rendered on every core and added in the guides' order.
  static let guidePages = ExportStep(name: "rendering the guide pages") { build in
    let shared = build
    let pages = build.library.guides.concurrentMap { guide in
      let content = GuidePage.content(guide, in: shared)
      return shared.renderer.page(
        content: GuidePage.html(content), navHTML: content.navigation.navHTML,
        title: guide.title, root: "../", description: guide.frontMatter.summary,
        bodyClass: "guide-page")
    }
    for (guide, html) in zip(build.library.guides, pages) {
      build.addPage(GuidePage.path(guide.id), html: html)
    }
  }

  /// One troubleshooter page per guide, rendered on every core and added in the guides' order.
  static let troubleshooterPages = ExportStep(name: "rendering the troubleshooters") { build in
    let shared = build
    let pages = build.library.guides.concurrentMap { guide in
      let content = TroubleshooterPage.content(guide, in: shared)
      return shared.renderer.page(
        content: TroubleshooterPage.html(content), navHTML: content.navigation.navHTML,
        title: "Troubleshoot: " + guide.title, root: "../",
        scripts: ["site.js", "troubleshooter.js"], bodyClass: "troubleshooter-page")
    }
    for (guide, html) in zip(build.library.guides, pages) {
      build.addPage(TroubleshooterPage.path(guide.id), html: html)
    }
  }

  /// The home page, the tag pages, the error strings, the search page and the 404 page,
  /// rendered on every core and added in this order.
  static let listPages = ExportStep(name: "rendering the lists") { build in
    let shared = build
    let library = build.library
    let title = build.options.title
    // Every list page shows the families too, none of them open.
    func page(
      _ content: @escaping () -> String, title: String, root: String, bodyClass: String = ""
    ) -> (PageRenderer) -> String {
      { renderer in
        renderer.page(
          content: content(), navHTML: shared.navigation.html(current: nil, root: root),
          title: title, root: root, bodyClass: bodyClass)
      }
    }
    let navigated = { (context: [String: Any], root: String) -> [String: Any] in
      var context = context
      context["navHTML"] = shared.navigation.html(current: nil, root: root)
      return context
    }
    var lists: [ListPage] = [
      ListPage(
        path: "index.html",
        render: page(
          {
            ListPages.html(
              ListPages.index(library, navigation: shared.navigation), siteTitle: title)
          }, title: "Guides", root: "", bodyClass: "index-page"))
    ]
    for (tag, guides) in ListPages.tags(library) {
      lists.append(
        ListPage(
          path: "tags/\(tag).html",
          render: page(
            { ListPages.html(tag: tag, guides: guides.map(ListPages.Item.init)) },
            title: "Tag " + tag, root: "../")))
    }
    lists.append(
      ListPage(
        path: "errors.html",
        render: page(
          { ListPages.html(errors: ListPages.errors(library)) }, title: "Error strings", root: ""
        )))
    lists.append(
      ListPage(path: "search.html") {
        $0.page(
          "search", navigated([:], ""), title: "Search", root: "",
          scripts: ["site.js", "search-data.js", "search.js"], bodyClass: "search-page")
      })
    lists.append(
      ListPage(path: "404.html", listed: false) {
        let root = shared.options.baseURL
        return $0.page("notFound", navigated([:], root), title: "Page not found", root: root)
      })
    let pages = lists.concurrentMap { $0.render(shared.renderer) }
    for (list, html) in zip(lists, pages) {
      build.addPage(list.path, html: html, listed: list.listed)
    }
  }

  /// The search index as a script that assigns one global, since `fetch` fails under file://.
  static let searchData = ExportStep(name: "writing the search index") {
    build throws(ExportError) in
    let data = SearchIndex(documents: build.library.searchDocuments).browserData
    let json: String
    do { json = try SearchDataJSON.encode(data) } catch {
      throw ExportError(
        .cannotWrite("cannot encode the search index: \(error)"), path: "assets/search-data.js")
    }
    build.add(
      SiteFile(
        "assets/search-data.js",
        text: "// The search index of rmq-doctor, made at export time.\nwindow.RMQ_SEARCH_DATA = "
          + json + ";\n"))
  }

  /// Style sheet and scripts.
  static let assets = ExportStep(name: "writing the assets") { build in
    build.add(SiteFile("assets/site.css", text: Assets.css))
    build.add(SiteFile("assets/site.js", text: Assets.siteJS))
    build.add(SiteFile("assets/search.js", text: Assets.searchJS))
    build.add(SiteFile("assets/troubleshooter.js", text: Assets.troubleshooterJS))
    build.add(SiteFile("assets/theme.js", text: Assets.themeJS))
  }

  /// The sitemap of every listed page.
  static let sitemap = ExportStep(name: "writing the sitemap") { build in
    build.add(
      SiteFile("sitemap.xml", text: Sitemap.xml(paths: build.pages, baseURL: build.options.baseURL))
    )
  }
}

/// A page of the lists step: where it goes, whether the sitemap lists it, and how it renders.
private struct ListPage {
  let path: String
  var listed = true
  let render: (PageRenderer) -> String

  init(path: String, listed: Bool = true, render: @escaping (PageRenderer) -> String) {
    self.path = path
    self.listed = listed
    self.render = render
  }
}
