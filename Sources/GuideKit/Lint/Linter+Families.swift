extension Linter {
  /// `families.yaml`: schema 1, kebab-case ids declared once, a title and a summary each, and
  /// no family without a guide.
  func checkFamilies(_ library: ContentLibrary, into report: inout LintReport) {
    guard let located = library.families else { return }
    let yaml = located.yaml
    if located.value.schema != 1 {
      report.error(
        "unsupported schema \(located.value.schema); this tool reads schema 1",
        at: yaml.location(at: ["schema"]))
    }
    if located.value.families.isEmpty {
      report.error("families.yaml declares no family", at: yaml.location(at: ["families"]))
    }
    var seen: Set<String> = []
    let used = Set(library.guides.compactMap(\.frontMatter.family))
    for (index, family) in located.value.families.enumerated() {
      let at = yaml.location(at: ["families", .index(index)])
      if !Self.isKebabCase(family.id) {
        report.error("family id '\(family.id)' is not kebab-case", at: at)
      }
      if family.id == "other" {
        report.error("family id 'other' is kept for the guides of no family", at: at)
      }
      if !seen.insert(family.id).inserted {
        report.error("family '\(family.id)' is declared twice", at: at)
      }
      if family.title.isBlankOrNewlines
        || family.summary.isBlankOrNewlines
      {
        report.error("family '\(family.id)' needs a title and a summary", at: at)
      }
      if !used.contains(family.id) {
        report.warning("no guide belongs to family '\(family.id)'", at: at)
      }
    }
  }
}
