import Foundation

extension Linter {
  /// Checks one guide; `guideIDs` are the ids of every guide in `library`.
  func checkGuide(
    _ guide: Guide, in library: ContentLibrary, guideIDs: Set<String>,
    into report: inout LintReport
  ) {
    let fm = guide.frontMatter
    let yaml = guide.yaml
    if fm.schema != 1 {
      report.error(
        "unsupported schema \(fm.schema); this tool reads schema 1",
        at: yaml.location(at: ["schema"]))
    }
    if fm.id != Self.baseName(guide.path) {
      report.error(
        "id '\(fm.id)' must equal the file name '\(Self.baseName(guide.path))'",
        at: yaml.location(at: ["id"]))
    }
    if !Self.isKebabCase(fm.id) {
      report.error("id '\(fm.id)' is not kebab-case", at: yaml.location(at: ["id"]))
    }
    if fm.title.isBlank {
      report.error("the title is empty", at: yaml.location(at: ["title"]))
    }
    checkSummary(fm.summary, yaml: yaml, into: &report)
    if fm.tags.isEmpty {
      report.error("a guide needs at least one tag", at: yaml.location(at: ["tags"]))
    }
    for (index, tag) in fm.tags.enumerated() where !Self.isKebabCase(tag) {
      report.error(
        "tag '\(tag)' is not kebab-case", at: yaml.location(at: ["tags", .index(index)]))
    }
    checkFamily(guide, in: library, into: &report)
    checkErrors(guide, in: library, into: &report)
    checkRelated(guide, in: library, guideIDs: guideIDs, into: &report)
    checkSources(guide, into: &report)
    for (index, id) in (fm.diagnostics ?? []).enumerated() where library.diagnostic(id) == nil {
      report.error(
        "unknown diagnostic '\(id)'\(Self.suggest(id, library.diagnostics.map(\.value.id)))",
        at: yaml.location(at: ["diagnostics", .index(index)]))
    }
    checkCausesAndSteps(guide, into: &report)
    checkBodySections(guide, into: &report)
    checkLocalQuestions(guide, in: library, into: &report)
    checkTree(guide, in: library, into: &report)
  }

  /// A guide names a declared family; when families are declared, every guide names one.
  private func checkFamily(
    _ guide: Guide, in library: ContentLibrary, into report: inout LintReport
  ) {
    guard let families = library.families?.value.families else {
      // A families.yaml that did not load has its own error; the guides are not checked then.
      if let family = guide.frontMatter.family, !library.hasFamiliesFile {
        report.error(
          "family '\(family)' is declared nowhere: there is no families.yaml",
          at: guide.yaml.location(at: ["family"]))
      }
      return
    }
    guard let family = guide.frontMatter.family else {
      report.error(
        "the guide names no family; families.yaml declares \(families.map(\.id).joined(separator: ", "))",
        at: guide.yaml.location(at: ["id"]))
      return
    }
    if library.family(family) == nil {
      report.error(
        "unknown family '\(family)'\(Self.suggest(family, families.map(\.id)))",
        at: guide.yaml.location(at: ["family"]))
    }
  }

  private func checkSummary(_ summary: String, yaml: YAMLDocument, into report: inout LintReport) {
    let trimmed = summary.trimmingWhitespaceAndNewlines
    let sentenceEnds = trimmed.filter { ".!?".contains($0) }.count
    if trimmed.isEmpty || !".!?".contains(trimmed.last ?? " ") || trimmed.contains("\n") {
      report.error(
        "the summary must be one sentence ending with a full stop",
        at: yaml.location(at: ["summary"]))
    } else if sentenceEnds > 1 && trimmed.contains(". ") {
      report.warning(
        "the summary looks like more than one sentence", at: yaml.location(at: ["summary"]))
    }
  }

  private func checkErrors(
    _ guide: Guide, in library: ContentLibrary, into report: inout LintReport
  ) {
    let yaml = guide.yaml
    if guide.frontMatter.errors.isEmpty {
      report.error(
        "a guide must list at least one error message", at: yaml.location(at: ["errors"]))
    }
    var seen: Set<String> = []
    for (index, signature) in guide.frontMatter.errors.enumerated() {
      // Located only for a finding: finding a value in the YAML tree is dear.
      let at = { yaml.location(at: ["errors", .index(index)]) }
      if signature.text.isBlank {
        report.error("an error message is empty", at: at())
      }
      if !seen.insert(signature.text).inserted {
        report.error("error message '\(signature.text)' is listed twice", at: at())
      }
      if let origin = signature.origin {
        let kind = origin.prefix { $0 != ":" }
        let place = origin.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
        if !ErrorSignature.originKinds.contains(String(kind)) || place.isEmpty
          || !origin.contains(":")
        {
          report.error(
            "origin must be 'capture: FILE', 'source: REPO PATH', 'docs: URL' or 'thread: REPO#N', not '\(origin)'",
            at: yaml.location(at: ["errors", .index(index), "origin"]))
        } else if kind == "capture",
          place.hasPrefix("/") || place.split(separator: "/").contains("..")
        {
          report.error(
            "a capture is named by its path under Tests/Fixtures, not '\(place)'",
            at: yaml.location(at: ["errors", .index(index), "origin"]))
        }
      }
      switch signature.side {
      case .client where signature.library == nil:
        report.error("a client-side message needs 'library'", at: at())
      case .broker where signature.library != nil:
        report.error(
          "a broker-side message takes no 'library'",
          at: yaml.location(at: ["errors", .index(index), "library"]))
      case .client where signature.format != nil:
        report.error(
          "'format' is for broker log lines only",
          at: yaml.location(at: ["errors", .index(index), "format"]))
      default:
        break
      }
    }
  }

  private func checkRelated(
    _ guide: Guide, in library: ContentLibrary, guideIDs: Set<String>,
    into report: inout LintReport
  ) {
    for (index, related) in guide.frontMatter.related.enumerated() {
      // Located only for a finding: finding a value in the YAML tree is dear.
      let at = { guide.yaml.location(at: ["related", .index(index), "id"]) }
      if related.id == guide.id {
        report.error("a guide cannot be related to itself", at: at())
      } else if !guideIDs.contains(related.id) {
        let ids = library.guides.map(\.id)
        report.warning(
          "related guide '\(related.id)' does not exist\(Self.suggest(related.id, ids))",
          at: at())
      }
      if related.how.isBlank {
        report.error("say in 'how' how '\(related.id)' differs", at: at())
      }
    }
  }

  private func checkSources(_ guide: Guide, into report: inout LintReport) {
    if guide.frontMatter.sources.isEmpty {
      report.error(
        "a guide must cite at least one source", at: guide.yaml.location(at: ["sources"]))
    }
    for (index, source) in guide.frontMatter.sources.enumerated()
    where !source.url.hasPrefix("https://") {
      report.error(
        "source URL '\(source.url)' must start with https://",
        at: guide.yaml.location(at: ["sources", .index(index), "url"]))
    }
  }

  static func suggest(_ word: String, _ candidates: [String]) -> String {
    Suggestion.closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }
}
