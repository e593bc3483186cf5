import CommonMark
import Foundation

extension Linter {
  func checkCausesAndSteps(_ guide: Guide, into report: inout LintReport) {
    let fm = guide.frontMatter
    let yaml = guide.yaml
    if fm.causes.isEmpty {
      report.error("a guide needs at least one cause", at: yaml.location(at: ["causes"]))
    }
    checkUnique(fm.causes.map(\.id), kind: "cause", path: "causes", yaml: yaml, into: &report)
    checkUnique(fm.steps.map(\.id), kind: "step", path: "steps", yaml: yaml, into: &report)
    let stepIDs = fm.steps.map(\.id)
    var usedSteps: Set<String> = []
    for (index, cause) in fm.causes.enumerated() {
      if cause.steps.isEmpty {
        report.error(
          "cause '\(cause.id)' has no resolution steps",
          at: yaml.location(at: ["causes", .index(index), "steps"]))
      }
      for (stepIndex, step) in cause.steps.enumerated() {
        usedSteps.insert(step)
        if !stepIDs.contains(step) {
          report.error(
            "cause '\(cause.id)' names unknown step '\(step)'\(Self.suggest(step, stepIDs))",
            at: yaml.location(at: ["causes", .index(index), "steps", .index(stepIndex)]))
        }
      }
    }
    for (index, step) in fm.steps.enumerated() where !usedSteps.contains(step.id) {
      report.warning(
        "step '\(step.id)' is not used by any cause",
        at: yaml.location(at: ["steps", .index(index)]))
    }
    checkHeadings(
      titles: fm.causes.map(\.title), kind: "cause", path: "causes", section: "Common causes",
      guide: guide, into: &report)
    checkHeadings(
      titles: fm.steps.map(\.title), kind: "step", path: "steps",
      section: "Step-by-step resolution", guide: guide, into: &report)
  }

  /// Each title needs its `###` heading in `section`, and each heading there a title.
  private func checkHeadings(
    titles: [String], kind: String, path: String, section: String, guide: Guide,
    into report: inout LintReport
  ) {
    guard let bodySection = guide.body.section(section) else { return }
    let headings = bodySection.subsections.map(\.title)
    for (index, title) in titles.enumerated() where !headings.contains(title) {
      report.error(
        "\(kind) title '\(title)' has no '### \(title)' heading under '## \(section)'",
        at: guide.yaml.location(at: [.key(path), .index(index), "title"]))
    }
    for subsection in bodySection.subsections where !titles.contains(subsection.title) {
      let hint = Self.suggest(subsection.title, titles)
      report.error(
        "heading '### \(subsection.title)' under '## \(section)' matches no \(kind) title\(hint)",
        at: location(of: subsection.heading, in: guide))
    }
  }

  func checkBodySections(_ guide: Guide, into report: inout LintReport) {
    let document = guide.body.document
    if document.isTooDeep {
      report.error(
        "the body nests \(document.nesting) levels deep (quotes, lists or emphasis inside each other); "
          + "at most \(MarkdownDocument.maximumNesting) are read",
        at: FileLocation(path: guide.path, line: guide.body.lineOffset + 1))
    }
    let present = guide.body.sections.map { $0.title.lowercased() }
    var cursor = 0
    for required in GuideBody.requiredSections {
      guard let index = present.firstIndex(of: required.lowercased()) else {
        report.error(
          "the body has no '## \(required)' section",
          at: FileLocation(path: guide.path, line: guide.body.lineOffset + 1))
        continue
      }
      if index < cursor {
        report.error(
          "section '## \(required)' is out of order; the order is: \(GuideBody.requiredSections.joined(separator: ", "))",
          at: location(of: guide.body.sections[index].heading, in: guide))
      }
      cursor = max(cursor, index)
    }
    if guide.body.section("FAQ") != nil && guide.body.faq.isEmpty {
      report.error(
        "the FAQ has no '### question' entries",
        at: location(of: guide.body.section("FAQ")?.heading, in: guide))
    }
    for entry in guide.body.faq
    where entry.answer.isBlankOrNewlines {
      report.error(
        "FAQ question '\(entry.question)' has no answer",
        at: FileLocation(path: guide.path, line: entry.line))
    }
    if guide.body.section("Diagnostic commands") != nil && guide.body.commandBlocks.isEmpty {
      report.error(
        "'## Diagnostic commands' has no code block",
        at: location(of: guide.body.section("Diagnostic commands")?.heading, in: guide))
    }
    checkUnsafeMarkdown(guide.body.document.blocks, guide: guide, into: &report)
  }

  /// Raw HTML is not rendered in safe mode, so it is almost always a mistake in a guide.
  private func checkUnsafeMarkdown(_ blocks: [Block], guide: Guide, into report: inout LintReport) {
    for block in blocks {
      switch block.kind {
      case .htmlBlock:
        report.warning(
          "raw HTML is not rendered; write Markdown instead", at: location(of: block, in: guide))
      case .blockQuote(let inner):
        checkUnsafeMarkdown(inner, guide: guide, into: &report)
      case .list(_, _, let items):
        for item in items { checkUnsafeMarkdown(item, guide: guide, into: &report) }
      default:
        break
      }
    }
  }

  func location(of block: Block?, in guide: Guide) -> FileLocation {
    guard let block else { return FileLocation(path: guide.path, line: guide.body.lineOffset + 1) }
    return FileLocation(
      path: guide.path, line: guide.body.fileLine(block.range.startLine),
      column: block.range.startColumn)
  }

  func checkUnique(
    _ ids: [String], kind: String, path: String, yaml: YAMLDocument, into report: inout LintReport
  ) {
    var seen: Set<String> = []
    for (index, id) in ids.enumerated() {
      // Located only for a finding: finding a value in the YAML tree is dear.
      let at = { yaml.location(at: [.key(path), .index(index), "id"]) }
      if !Self.isKebabCase(id) { report.error("\(kind) id '\(id)' is not kebab-case", at: at()) }
      if !seen.insert(id).inserted { report.error("duplicate \(kind) id '\(id)'", at: at()) }
    }
  }
}
