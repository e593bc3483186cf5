import ArgvPolicy
import RequestPolicy

extension Linter {
  /// The allow-list itself: no launcher, each program once, options spelled as options, and no
  /// option both allowed and forbidden or required but not allowed.
  func checkAllowList(_ located: Located<AllowList>, into report: inout LintReport) {
    checkRequests(located, into: &report)
    var seen: Set<String> = []
    for (index, entry) in located.value.programs.enumerated() {
      let path: [YAMLPathComponent] = ["programs", .index(index)]
      func at(_ key: String) -> FileLocation { located.yaml.location(at: path + [.key(key)]) }
      if let refusal = ArgvPolicy.programViolation(entry.program) {
        report.error(refusal.message, at: at("program"))
      }
      if !seen.insert(entry.program).inserted {
        report.error("program '\(entry.program)' is listed twice", at: at("program"))
      }
      let rules = entry.rules
      let allowed = rules.flags.union(rules.valueOptions)
      for option in allowed.sorted() where !Self.isOptionName(option, syntax: rules.syntax) {
        report.error("'\(option)' is not an option name ('-x' or '--name')", at: at("options"))
      }
      for option in allowed.intersection(rules.forbidden).sorted() {
        report.error(
          "'\(option)' is both allowed and forbidden for '\(entry.program)'",
          at: at("forbidden_arguments"))
      }
      for required in rules.required where !allowed.contains(required) {
        report.error(
          "required argument '\(required)' is not among the options allowed for '\(entry.program)'",
          at: at("required_arguments"))
      }
    }
  }

  /// The management API paths: plain `/api/` paths, none that acts on the broker.
  func checkRequests(_ located: Located<AllowList>, into report: inout LintReport) {
    for (index, path) in (located.value.httpGet?.paths ?? []).enumerated() {
      let at = located.yaml.location(at: ["http_get", "paths", .index(index)])
      if let problem = HTTPGetPolicy.shapeProblem(path) {
        report.error(problem, at: at)
      } else if HTTPGetPolicy.actingPaths.contains(where: { path == $0 || path.hasPrefix($0 + "/") }
      ) {
        report.error(
          "\(path) acts on the broker (it declares and publishes); only reading paths may be listed",
          at: at)
      }
    }
  }

  /// `-x` (one character) or `--name`.
  static func isOptionName(_ option: String, syntax: OptionSyntax) -> Bool {
    if option.hasPrefix("--") { return option.count > 2 && !option.contains("=") }
    return option.hasPrefix("-") && option.count == 2 && option != "--"
  }
}
