/// Decides whether an argument vector may run, by parsing it as the program itself would.
///
/// Options are read with the program's own syntax (``OptionSyntax``), so that an option's value
/// is never taken for the subcommand (`rabbitmqctl -n list_queues delete_queue jobs` runs
/// `delete_queue`) and an abbreviation is never taken for an unknown option (`ss --dia FILE` is
/// `--diag FILE`). Only options the rules name, spelled exactly, are accepted.
public enum ArgvPolicy {
  /// Why `argv` may not run under `rules` (programs by name); empty when it may.
  public static func violations(of argv: [String], rules: [String: ProgramRules]) -> [ArgvViolation]
  {
    guard let program = argv.first else {
      return [ArgvViolation(index: 0, message: "the command is empty")]
    }
    if let refusal = programViolation(program) { return [refusal] }
    guard let entry = rules[program] else {
      return [ArgvViolation(index: 0, message: "program '\(program)' is not in allowlist.yaml")]
    }
    if let shapes = entry.shapes {
      if shapes.contains(where: { $0.matches(argv) }) { return [] }
      let allowed = shapes.map { $0.elements.joined(separator: " ") }.joined(separator: "' or '")
      return [ArgvViolation(index: 0, message: "'\(program)' may run only as '\(allowed)'")]
    }
    var parsed = ParsedArgv(argv, rules: entry)
    parsed.checkOperands()
    parsed.checkRequired()
    return parsed.violations
  }

  /// Why `program` may never run as a diagnostic, whatever an allow-list says: it is not a
  /// bare name, or it is a launcher (``Launchers``).
  public static func programViolation(_ program: String) -> ArgvViolation? {
    if program.isEmpty { return ArgvViolation(index: 0, message: "the command is empty") }
    if program.contains("/") || program.contains(where: \.isWhitespace) {
      return ArgvViolation(
        index: 0, message: "argv[0] must be a bare program name, not '\(program)'")
    }
    if Launchers.contains(program) {
      return ArgvViolation(
        index: 0,
        message:
          "'\(program)' runs a shell or another program, or writes files; diagnostics run one read-only program directly"
      )
    }
    return nil
  }

  /// Whether `argv` may run under `rules`.
  public static func allows(_ argv: [String], rules: [String: ProgramRules]) -> Bool {
    violations(of: argv, rules: rules).isEmpty
  }
}
