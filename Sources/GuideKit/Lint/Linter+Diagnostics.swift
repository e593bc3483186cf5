import ArgvPolicy
import Foundation
import RequestPolicy

extension Linter {
  /// Arguments that only mean something to a shell.
  static let shellOperators: Set<String> = [
    "|", "||", "&&", "&", ";", ">", ">>", "<", "<<", "2>", "2>&1", "|&",
  ]

  func checkDiagnostics(_ library: ContentLibrary, into report: inout LintReport) {
    if let allowList = library.allowList { checkAllowList(allowList, into: &report) }
    for located in library.diagnostics {
      checkDiagnostic(located, allowList: library.allowList?.value, into: &report)
      checkFindings(located, library: library, into: &report)
    }
  }

  /// A finding must point to a guide that exists, and to one of its causes when it names one.
  private func checkFindings(
    _ located: Located<DiagnosticCommand>, library: ContentLibrary, into report: inout LintReport
  ) {
    for (index, declaration) in located.value.yields.enumerated() {
      guard let finding = declaration.finding else { continue }
      let path: [YAMLPathComponent] = ["yields", .index(index), "finding"]
      let declared = Set(library.diagnostics.flatMap { $0.value.yields.map(\.fact) })
      for (number, companion) in (finding.with ?? []).enumerated()
      where !declared.contains(companion.fact) {
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
      report.error(
        "the catalogue holds read-only commands only", at: yaml.location(at: ["read_only"]))
    }
    if !(1...300).contains(diagnostic.timeoutSeconds) {
      report.error(
        "timeout_seconds must be from 1 to 300", at: yaml.location(at: ["timeout_seconds"]))
    }
    if !(1024...(64 << 20)).contains(diagnostic.outputLimitBytes) {
      report.error(
        "output_limit_bytes must be from 1024 to 67108864",
        at: yaml.location(at: ["output_limit_bytes"]))
    }
    if let filter = diagnostic.filter, (try? NSRegularExpression(pattern: filter)) == nil {
      report.error("filter is not a valid regular expression", at: yaml.location(at: ["filter"]))
    }
    if diagnostic.yields.isEmpty {
      report.warning("the diagnostic yields no facts", at: yaml.location(at: ["yields"]))
    }
    for (index, fact) in diagnostic.yields.enumerated() where !Self.isKebabCase(fact.fact) {
      report.error(
        "fact id '\(fact.fact)' is not kebab-case",
        at: yaml.location(at: ["yields", .index(index), "fact"]))
    }
    if let target = diagnostic.httpGet {
      checkRequest(target, of: diagnostic, yaml: yaml, allowList: allowList, into: &report)
    } else {
      if diagnostic.runsOn == .managementAPI {
        report.error(
          "runs_on management-api needs http_get, the API path to read",
          at: yaml.location(at: ["runs_on"]))
      }
      if diagnostic.parser.readsManagementAPI {
        report.error(
          "parser \(diagnostic.parser.rawValue) reads management API answers; give http_get",
          at: yaml.location(at: ["parser"]))
      }
      checkArgv(diagnostic.argv, yaml: yaml, allowList: allowList, into: &report)
    }
  }

  /// A management API diagnostic: a GET of a path the allow-list declares, read by one of the
  /// management parsers, needing no root on any host.
  private func checkRequest(
    _ target: String, of diagnostic: DiagnosticCommand, yaml: YAMLDocument, allowList: AllowList?,
    into report: inout LintReport
  ) {
    if !diagnostic.argv.isEmpty {
      report.error("give argv or http_get, not both", at: yaml.location(at: ["argv"]))
    }
    if diagnostic.runsOn != .managementAPI {
      report.error(
        "a diagnostic with http_get runs_on management-api", at: yaml.location(at: ["runs_on"]))
    }
    if diagnostic.needsRoot {
      report.error(
        "reading the management API needs no root", at: yaml.location(at: ["needs_root"]))
    }
    if !diagnostic.parser.readsManagementAPI {
      report.error(
        "http_get answers are read by a management-* parser", at: yaml.location(at: ["parser"]))
    }
    if diagnostic.filter != nil {
      report.error(
        "a management API answer is JSON, read whole: filter does not apply",
        at: yaml.location(at: ["filter"]))
    }
    let policy = allowList?.requestPolicy ?? HTTPGetPolicy(paths: [], queryKeys: [])
    if let refusal = policy.refusal(of: target) {
      report.error(refusal, at: yaml.location(at: ["http_get"]))
    }
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
      if let allowList { ArgvPolicy.violations(of: argv, rules: allowList.rules) } else {
        ArgvPolicy.programViolation(program).map { [$0] } ?? []
      }
    for violation in violations {
      report.error(violation.message, at: yaml.location(at: ["argv", .index(violation.index)]))
    }
  }
}
