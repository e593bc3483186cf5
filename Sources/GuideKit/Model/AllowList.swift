import ArgvPolicy
import RequestPolicy

/// The programs diagnostics may run, from `Content/allowlist.yaml`.
public struct AllowList: Codable, Sendable, Hashable {
  /// The schema version; 1 today.
  public var schema: Int
  /// The allowed programs.
  public var programs: [AllowedProgram]
  /// The management HTTP API paths diagnostics may read.
  public var httpGet: AllowedRequests?

  enum CodingKeys: String, CodingKey {
    case schema, programs
    case httpGet = "http_get"
  }

  /// What the management API client may ask; nothing when the allow-list declares no paths.
  public var requestPolicy: HTTPGetPolicy {
    HTTPGetPolicy(paths: httpGet?.paths ?? [], queryKeys: httpGet?.queryKeys ?? [])
  }

  /// The entry for `program`, if it is allowed.
  public func entry(for program: String) -> AllowedProgram? {
    programs.first { $0.program == program }
  }

  /// Every program's rules, by name, for ``ArgvPolicy``.
  public var rules: [String: ProgramRules] {
    Dictionary(programs.map { ($0.program, $0.rules) }, uniquingKeysWith: { first, _ in first })
  }
}

/// The management HTTP API requests diagnostics may send: `GET` of these paths, with only these
/// query keys.
public struct AllowedRequests: Codable, Sendable, Hashable {
  /// The paths, each starting with `/api/`.
  public var paths: [String]
  /// The query keys a request may carry.
  public var queryKeys: [String]?

  enum CodingKeys: String, CodingKey {
    case paths
    case queryKeys = "query_keys"
  }
}

/// One allowed program and the limits on its arguments. Options it does not name are refused.
public struct AllowedProgram: Codable, Sendable, Hashable {
  /// The program's name, looked up on `PATH`.
  public var program: String
  /// How the program parses its options: `getopt` (the default) or `elixir` (the RabbitMQ CLIs).
  public var syntax: OptionSyntax?
  /// If set, the first operand must be one of these.
  public var subcommands: [String]?
  /// The options without a value a diagnostic may pass, spelled in full.
  public var options: [String]?
  /// The options with a value a diagnostic may pass, spelled in full.
  public var valueOptions: [String]?
  /// Arguments that would make it write; refused also as prefixes `getopt_long` expands.
  public var forbiddenArguments: [String]?
  /// Arguments that must be present.
  public var requiredArguments: [String]?
  /// Whether an operand holding `=` makes it write (`sysctl key=value`).
  public var assignmentsWrite: Bool?
  /// If set, the only argument vectors it may run with (``ArgvShape``); the option keys are
  /// then not used.
  public var argvShapes: [ArgvShape]?

  enum CodingKeys: String, CodingKey {
    case program, syntax, subcommands, options
    case valueOptions = "value_options"
    case forbiddenArguments = "forbidden_arguments"
    case requiredArguments = "required_arguments"
    case assignmentsWrite = "assignments_write"
    case argvShapes = "argv_shapes"
  }

  /// The entry as ``ArgvPolicy`` reads it.
  public var rules: ProgramRules {
    ProgramRules(
      program: program, syntax: syntax ?? .getopt, flags: Set(options ?? []),
      valueOptions: Set(valueOptions ?? []),
      subcommands: subcommands.map(Set.init), forbidden: Set(forbiddenArguments ?? []),
      required: requiredArguments ?? [], assignmentsWrite: assignmentsWrite ?? false,
      shapes: argvShapes)
  }
}
