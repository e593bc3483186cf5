import ErrorSearch
import Foundation
import GuideKit
import _Parallel

extension ExportStep {
  /// Refuses ids and tags that cannot be file names.
  static let checkNames = ExportStep(name: "checking guide ids and tags") { build throws(ExportError) in
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
      shared.renderer.page(
        "guide", GuidePage.context(guide, in: shared), title: guide.title, root: "../",
        description: guide.frontMatter.summary, bodyClass: "guide-page")
    }
    for (guide, html) in zip(build.library.guides, pages) {
      build.addPage(GuidePage.path(guide.id), html: html)
    }
  }

  /// One troubleshooter page per guide, rendered on every core and added in the guides' order.
  static let troubleshooterPages = ExportStep(name: "rendering the troubleshooters") { build in
    let shared = build
    let pages = build.library.guides.concurrentMap { guide in
      shared.renderer.page(
        "troubleshooter", TroubleshooterPage.context(guide, in: shared),
        title: "Troubleshoot: " + guide.title, root: "../", scripts: ["site.js", "troubleshooter.js"],
        bodyClass: "troubleshooter-page")
    }
    for (guide, html) in zip(build.library.guides, pages) {
      build.addPage(TroubleshooterPage.path(guide.id), html: html)
    }
  }

  /// The home page, the tag pages, the error strings, the search page and the 404 page.
  static let listPages = ExportStep(name: "rendering the lists") { build in
    let library = build.library
    build.addPage("index.html", html: build.renderer.page(
      "index", ListPages.index(library), title: "Guides", root: ""))
    for (tag, guides) in ListPages.tags(library) {
      build.addPage("tags/\(tag).html", html: build.renderer.page(
        "tag", ListPages.tag(tag, guides: guides), title: "Tag " + tag, root: "../"))
    }
    build.addPage("errors.html", html: build.renderer.page(
      "errors", ListPages.errors(library), title: "Error strings", root: ""))
    build.addPage("search.html", html: build.renderer.page(
      "search", [:], title: "Search", root: "", scripts: ["site.js", "search-data.js", "search.js"],
      bodyClass: "search-page"))
    build.addPage("404.html", html: build.renderer.page(
      "notFound", [:], title: "Page not found", root: build.options.baseURL), listed: false)
  }

  /// The search index as a script that assigns one global, since `fetch` fails under file://.
  static let searchData = ExportStep(name: "writing the search index") { build throws(ExportError) in
    let data = SearchIndex(documents: build.library.searchDocuments).browserData
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json: Data
    do { json = try encoder.encode(data) } catch {
      throw ExportError(.cannotWrite("cannot encode the search index: \(error)"), path: "assets/search-data.js")
    }
    build.add(SiteFile(
      "assets/search-data.js",
      text: "// The search index of rmq-doctor, made at export time.\nwindow.RMQ_SEARCH_DATA = "
        + String(decoding: json, as: UTF8.self) + ";\n"))
  }

  /// Style sheet and scripts.
  static let assets = ExportStep(name: "writing the assets") { build in
    build.add(SiteFile("assets/site.css", text: Assets.css))
    build.add(SiteFile("assets/site.js", text: Assets.siteJS))
    build.add(SiteFile("assets/search.js", text: Assets.searchJS))
    build.add(SiteFile("assets/troubleshooter.js", text: Assets.troubleshooterJS))
  }

  /// The sitemap of every listed page.
  static let sitemap = ExportStep(name: "writing the sitemap") { build in
    build.add(SiteFile("sitemap.xml", text: Sitemap.xml(paths: build.pages, baseURL: build.options.baseURL)))
  }
}
