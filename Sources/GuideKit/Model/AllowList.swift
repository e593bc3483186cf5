/// The programs diagnostics may run, from `Content/allowlist.yaml`.
public struct AllowList: Codable, Sendable, Hashable {
  /// The schema version; 1 today.
  public var schema: Int
  /// The allowed programs.
  public var programs: [AllowedProgram]

  /// The entry for `program`, if it is allowed.
  public func entry(for program: String) -> AllowedProgram? {
    programs.first { $0.program == program }
  }
}

/// One allowed program and the limits on its arguments.
public struct AllowedProgram: Codable, Sendable, Hashable {
  /// The program's name, looked up on `PATH`.
  public var program: String
  /// If set, the first non-option argument must be one of these.
  public var subcommands: [String]?
  /// Arguments that would make it write.
  public var forbiddenArguments: [String]?
  /// Arguments that must be present.
  public var requiredArguments: [String]?

  enum CodingKeys: String, CodingKey {
    case program, subcommands
    case forbiddenArguments = "forbidden_arguments"
    case requiredArguments = "required_arguments"
  }
}
