import ArgvPolicy
import Foundation

extension Linter {
  /// Arguments that only mean something to a shell.
  static let shellOperators: Set<String> = ["|", "||", "&&", "&", ";", ">", ">>", "<", "<<", "2>", "2>&1", "|&"]

  func checkDiagnostics(_ library: ContentLibrary, into report: inout LintReport) {
    if let allowList = library.allowList { checkAllowList(allowList, into: &report) }
    for located in library.diagnostics {
      checkDiagnostic(located, allowList: library.allowList?.value, into: &report)
      checkFindings(located, library: library, into: &report)
    }
  }

  /// A finding must point to a guide that exists, and to one of its causes when it names one.
  private func checkFindings(_ located: Located<DiagnosticCommand>, library: ContentLibrary, into report: inout LintReport) {
    for (index, declaration) in located.value.yields.enumerated() {
      guard let finding = declaration.finding else { continue }
      let path: [YAMLPathComponent] = ["yields", .index(index), "finding"]
      let declared = Set(library.diagnostics.flatMap { $0.value.yields.map(\.fact) })
      for (number, companion) in (finding.with ?? []).enumerated() where !declared.contains(companion.fact) {
        report.error(
          "finding shows fact '\(companion.fact)', which no diagnostic yields\(Self.suggest(companion.fact, declared.sorted()))",
          at: located.yaml.location(at: path + ["with", .index(number), "fact"]))
      }
      guard let guide = library.guide(finding.guide) else {
        report.error(
          "finding points to guide '\(finding.guide)', which does not exist\(Self.suggest(finding.guide, library.guides.map(\.id)))",
          at: located.yaml.location(at: path + ["guide"]))
        continue
      }
      if let cause = finding.cause, !guide.frontMatter.causes.contains(where: { $0.id == cause }) {
        report.error(
          "finding points to cause '\(cause)', which guide '\(guide.id)' does not have\(Self.suggest(cause, guide.frontMatter.causes.map(\.id)))",
          at: located.yaml.location(at: path + ["cause"]))
      }
    }
  }

  private func checkDiagnostic(
    _ located: Located<DiagnosticCommand>, allowList: AllowList?, into report: inout LintReport
  ) {
    let diagnostic = located.value
    let yaml = located.yaml
    if diagnostic.schema != 1 {
      report.error("unsupported schema \(diagnostic.schema)", at: yaml.location(at: ["schema"]))
    }
    if diagnostic.id != Self.baseName(yaml.path) {
      report.error(
        "id '\(diagnostic.id)' must equal the file name '\(Self.baseName(yaml.path))'",
        at: yaml.location(at: ["id"]))
    }
    if !diagnostic.readOnly {
      report.error("the catalogue holds read-only commands only", at: yaml.location(at: ["read_only"]))
    }
    if !(1...300).contains(diagnostic.timeoutSeconds) {
      report.error("timeout_seconds must be from 1 to 300", at: yaml.location(at: ["timeout_seconds"]))
    }
    if !(1024...(64 << 20)).contains(diagnostic.outputLimitBytes) {
      report.error(
        "output_limit_bytes must be from 1024 to 67108864", at: yaml.location(at: ["output_limit_bytes"]))
    }
    if let filter = diagnostic.filter, (try? NSRegularExpression(pattern: filter)) == nil {
      report.error("filter is not a valid regular expression", at: yaml.location(at: ["filter"]))
    }
    if diagnostic.yields.isEmpty {
      report.warning("the diagnostic yields no facts", at: yaml.location(at: ["yields"]))
    }
    for (index, fact) in diagnostic.yields.enumerated() where !Self.isKebabCase(fact.fact) {
      report.error("fact id '\(fact.fact)' is not kebab-case", at: yaml.location(at: ["yields", .index(index), "fact"]))
    }
    checkArgv(diagnostic.argv, yaml: yaml, allowList: allowList, into: &report)
  }

  /// The argument vector as the program itself would parse it, against the allow-list
  /// (``ArgvPolicy``): the runner applies the same check again before anything starts.
  private func checkArgv(
    _ argv: [String], yaml: YAMLDocument, allowList: AllowList?, into report: inout LintReport
  ) {
    guard let program = argv.first else {
      report.error("argv is empty", at: yaml.location(at: ["argv"]))
      return
    }
    for (index, argument) in argv.enumerated() where Self.shellOperators.contains(argument) {
      report.error(
        "argument '\(argument)' is a shell operator; write a pipeline as a command plus 'filter'",
        at: yaml.location(at: ["argv", .index(index)]))
    }
    let violations =
      if let allowList { ArgvPolicy.violations(of: argv, rules: allowList.rules) }
      else { ArgvPolicy.programViolation(program).map { [$0] } ?? [] }
    for violation in violations {
      report.error(violation.message, at: yaml.location(at: ["argv", .index(violation.index)]))
    }
  }
}
