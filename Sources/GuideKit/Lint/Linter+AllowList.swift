import ArgvPolicy

extension Linter {
  /// The allow-list itself: no launcher, each program once, options spelled as options, and no
  /// option both allowed and forbidden or required but not allowed.
  func checkAllowList(_ located: Located<AllowList>, into report: inout LintReport) {
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
        report.error("'\(option)' is both allowed and forbidden for '\(entry.program)'", at: at("forbidden_arguments"))
      }
      for required in rules.required where !allowed.contains(required) {
        report.error(
          "required argument '\(required)' is not among the options allowed for '\(entry.program)'",
          at: at("required_arguments"))
      }
    }
  }

  /// `-x` (one character) or `--name`.
  static func isOptionName(_ option: String, syntax: OptionSyntax) -> Bool {
    if option.hasPrefix("--") { return option.count > 2 && !option.contains("=") }
    return option.hasPrefix("-") && option.count == 2 && option != "--"
  }
}
