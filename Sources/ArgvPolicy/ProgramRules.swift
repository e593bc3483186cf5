/// How a program reads its command line, which decides how its options are matched.
public enum OptionSyntax: String, Codable, Sendable, Hashable {
  /// GNU `getopt_long`: short flags combine (`-tno`), a short option's value may be attached
  /// (`-finet`), `--name=value`, `--` ends the options, options and operands mix. It also
  /// accepts any unambiguous prefix of a long option, which is why only exact names are allowed.
  case getopt
  /// Elixir's `OptionParser` in strict mode, as the RabbitMQ CLIs use it: each switch stands
  /// alone (`-q`, `-n VALUE`, `--node VALUE`, `--node=VALUE`), no combining, no prefixes.
  case elixir
}

/// What an allow-list lets one program be run with. Everything not named here is refused.
public struct ProgramRules: Sendable, Hashable {
  /// The program's bare name.
  public var program: String
  /// How it parses its options.
  public var syntax: OptionSyntax
  /// Options that take no value (`-q`, `--quiet`).
  public var flags: Set<String>
  /// Options that take a value (`-n`, `--node`).
  public var valueOptions: Set<String>
  /// When set, the first operand (the program's subcommand) must be one of these.
  public var subcommands: Set<String>?
  /// Options that make the program change state; refused however they are spelled, including
  /// as a prefix that `getopt_long` would expand to them (`--dia` for `--diag`).
  public var forbidden: Set<String>
  /// Options that must be present (`nstat -s`).
  public var required: [String]
  /// Whether an operand with `=` makes the program write (`sysctl key=value`).
  public var assignmentsWrite: Bool
  /// When set, the whole argument vector must be one of these, element for element, and the
  /// option rules above are not consulted: for programs whose option syntax is neither
  /// ``OptionSyntax`` (`openssl`'s single-dash long options). See ``ArgvShape``.
  public var shapes: [ArgvShape]?

  public init(
    program: String, syntax: OptionSyntax = .getopt, flags: Set<String> = [],
    valueOptions: Set<String> = [],
    subcommands: Set<String>? = nil, forbidden: Set<String> = [], required: [String] = [],
    assignmentsWrite: Bool = false, shapes: [ArgvShape]? = nil
  ) {
    self.program = program
    self.syntax = syntax
    self.flags = flags
    self.valueOptions = valueOptions
    self.subcommands = subcommands
    self.forbidden = forbidden
    self.required = required
    self.assignmentsWrite = assignmentsWrite
    self.shapes = shapes
  }
}

/// One reason an argument vector may not run.
public struct ArgvViolation: Sendable, Hashable, CustomStringConvertible {
  /// The index in the argument vector it is about (0: the program).
  public var index: Int
  /// What is wrong, in one sentence.
  public var message: String

  public init(index: Int, message: String) {
    self.index = index
    self.message = message
  }

  public var description: String { message }
}
