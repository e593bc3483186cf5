import GuideKit

/// Exports the guides as a static, self-contained HTML site: an index, one page and one
/// troubleshooter per guide, tag pages, the error strings, an in-browser search, a 404 page
/// and a sitemap.
///
/// The export is a list of named steps over one build; an error names the step it came from.
public struct SiteExporter: Sendable {
  /// What an export wrote.
  public struct Summary: Sendable, Hashable {
    /// The number of HTML pages.
    public var pages: Int
    /// The number of files, the marker included.
    public var files: Int
    /// What the export kept of the earlier export's folder, and what it replaced (``SiteWriter``).
    public var report: SiteWriter.Report = .init()
  }

  private let library: ContentLibrary
  private let options: ExportOptions

  /// An exporter of `library`.
  public init(library: ContentLibrary, options: ExportOptions = ExportOptions()) {
    self.library = library
    self.options = options
  }

  /// The steps, in order.
  static let steps: [ExportStep] = [
    .checkNames, .guidePages, .troubleshooterPages, .listPages, .searchData, .assets, .sitemap,
  ]

  /// The site's files, sorted by path, without writing anything.
  public func files() throws(ExportError) -> [SiteFile] {
    var build = try SiteBuild(library: library, options: options)
    for step in Self.steps {
      do { try step.run(&build) } catch {
        var error = error
        error.step = error.step ?? step.name
        throw error
      }
    }
    return build.sortedFiles
  }

  /// Builds the site and writes it to `output` atomically (see ``SiteWriter``). The output is
  /// checked before anything is built.
  /// With `force`, files of the earlier export that were changed since are replaced too.
  @discardableResult
  public func export(to output: String, force: Bool = false) throws(ExportError) -> Summary {
    let writer = SiteWriter(output: output)
    _ = try writer.checkOutput()
    let files = try files()
    let report = try writer.write(files, force: force)
    return Summary(
      pages: files.filter { $0.path.hasSuffix(".html") }.count, files: files.count + 1,
      report: report)
  }
}
