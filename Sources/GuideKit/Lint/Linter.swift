import _Parallel

/// Checks a content directory: schema, ids, links between guides, decision trees, and the
/// diagnostics catalogue against the allow-list.
public struct Linter: Sendable {
  /// Whether warnings count as errors.
  public var strict: Bool

  /// Creates a linter; `strict` turns every warning into an error.
  public init(strict: Bool = false) {
    self.strict = strict
  }

  /// The findings for content that loaded without errors.
  public func lint(_ library: ContentLibrary) -> [LintFinding] {
    lint(ContentLoader.Result(library: library, errors: []))
  }

  /// The findings for a loaded content directory, load errors first, then in file order.
  public func lint(_ loaded: ContentLoader.Result) -> [LintFinding] {
    var report = LintReport()
    for error in loaded.errors {
      report.error(error.message, at: error.location)
    }
    let library = loaded.library
    checkUniqueIDs(library, into: &report)
    checkFamilies(library, into: &report)
    // Each guide is checked on its own (its findings point into its own file only), on every
    // core; the findings are added in the guides' order.
    let guideIDs = Set(library.guides.map(\.id))
    let perGuide = library.guides.concurrentMap { guide in
      var findings = LintReport()
      checkGuide(guide, in: library, guideIDs: guideIDs, into: &findings)
      return findings.findings
    }
    for findings in perGuide { report.findings += findings }
    for question in library.sharedQuestions {
      checkSharedQuestion(question, in: library, into: &report)
    }
    checkDiagnostics(library, into: &report)
    guard strict else { return report.findings }
    return report.findings.map { finding in
      var finding = finding
      finding.severity = .error
      return finding
    }
  }

  private func checkUniqueIDs(_ library: ContentLibrary, into report: inout LintReport) {
    var seen: [String: String] = [:]
    for guide in library.guides {
      if let other = seen[guide.id] {
        report.error(
          "duplicate guide id '\(guide.id)', also used by \(other)",
          at: guide.yaml.location(at: ["id"]))
      }
      seen[guide.id] = guide.path
    }
  }

  /// Whether `id` is kebab-case: lowercase letters and digits in words joined by single hyphens.
  static func isKebabCase(_ id: String) -> Bool {
    let words = id.split(separator: "-", omittingEmptySubsequences: false)
    return !id.isEmpty
      && words.allSatisfy { word in
        !word.isEmpty && word.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isNumber }
      }
  }

  /// The file name without its directory and extension.
  static func baseName(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: ".") else { return name }
    return String(name[..<dot])
  }
}
