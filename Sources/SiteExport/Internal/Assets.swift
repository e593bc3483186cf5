/// The style sheet and the scripts written into `assets/`. They live as real files in
/// `Sources/SiteExport/Assets/` and are compiled into the binary by SwiftPM (`.embedInCode`).
enum Assets {
  /// The style sheet: system fonts, light and dark themes, the layout from 390 px up, print.
  static let css = text(PackageResources.site_css)
  /// On every page: the theme switch, the header's search, the table of contents, copy
  /// buttons, the index's tag filters.
  static let siteJS = text(PackageResources.site_js)
  /// The browser's copy of `rmq-doctor search` (Sources/ErrorSearch), read from
  /// `search-data.js`, with the search page's results as you type.
  static let searchJS = text(PackageResources.search_js)
  /// In every page's head, before the page is drawn: the theme the reader chose, if any.
  static let themeJS = text(PackageResources.theme_js)
  /// Enhances a troubleshooter page that already works as plain links.
  static let troubleshooterJS = text(PackageResources.troubleshooter_js)

  /// The embedded bytes as text; the files are UTF-8.
  private static func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
  }
}
