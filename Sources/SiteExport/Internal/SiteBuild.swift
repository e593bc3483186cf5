import GuideKit

/// What the export steps share: the content, the options, the renderer and the files made.
struct SiteBuild {
  let library: ContentLibrary
  let options: ExportOptions
  let renderer: PageRenderer
  /// Every guide's title by id, made once: pages look guides up by id many times.
  let guideTitles: [String: String]
  /// The ids of the guides.
  let guideIDs: Set<String>
  /// The guides by family, made once for every page's navigation.
  let navigation: SiteNavigation
  /// The files so far, by path.
  private(set) var files: [String: SiteFile] = [:]
  /// The paths of the HTML pages that go into the sitemap.
  private(set) var pages: [String] = []

  init(library: ContentLibrary, options: ExportOptions) throws(ExportError) {
    self.library = library
    self.options = options
    renderer = try PageRenderer(options: options)
    // Ids are unique (lint checks it); should two guides share one, the first keeps it, as
    // `ContentLibrary.guide(_:)` finds it.
    guideTitles = Dictionary(
      library.guides.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    guideIDs = Set(guideTitles.keys)
    navigation = SiteNavigation(library)
  }

  /// Adds a page; `listed` puts it in the sitemap.
  mutating func addPage(_ path: String, html: String, listed: Bool = true) {
    files[path] = SiteFile(path, text: html)
    if listed { pages.append(path) }
  }

  /// Adds any other file.
  mutating func add(_ file: SiteFile) {
    files[file.path] = file
  }

  /// The files, sorted by path.
  var sortedFiles: [SiteFile] {
    files.keys.sorted().compactMap { files[$0] }
  }
}

/// One named step of an export; the runner adds the name to any error it throws.
struct ExportStep: Sendable {
  let name: String
  let run: @Sendable (inout SiteBuild) throws(ExportError) -> Void
}
