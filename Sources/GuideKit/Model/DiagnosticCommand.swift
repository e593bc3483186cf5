import Foundation

/// A read-only command from the diagnostics catalogue, and the facts its output yields.
public struct DiagnosticCommand: Codable, Sendable, Hashable {
  /// The schema version; 1 today.
  public var schema: Int
  /// The id, equal to the file name.
  public var id: String
  /// What the command shows.
  public var title: String
  /// The exact argument vector; run directly, never through a shell. Empty for a diagnostic
  /// that reads the management HTTP API instead (`httpGet`).
  public var argv: [String]
  /// The management HTTP API path (with its query) this diagnostic reads with `GET`, asked of
  /// each node's API by `diagnose --url`; `nil` for a command.
  public var httpGet: String?
  /// Declared read-only; lint rejects anything else.
  public var readOnly: Bool
  /// Whether it needs root. The tool never elevates on its own.
  public var needsRoot: Bool
  /// Where it runs.
  public var runsOn: Host
  /// The time limit.
  public var timeoutSeconds: Int
  /// The output cap.
  public var outputLimitBytes: Int
  /// The parser that reads the output.
  public var parser: OutputParserKind
  /// A regular expression: only matching output lines are kept.
  public var filter: String?
  /// File-name patterns read from a captured evidence bundle.
  public var evidence: [String]?
  /// How a person reads the output, in Markdown.
  public var reads: String
  /// The facts the output yields.
  public var yields: [FactDeclaration]

  enum CodingKeys: String, CodingKey {
    case schema, id, title, argv
    case httpGet = "http_get"
    case readOnly = "read_only"
    case needsRoot = "needs_root"
    case runsOn = "runs_on"
    case timeoutSeconds = "timeout_seconds"
    case outputLimitBytes = "output_limit_bytes"
    case parser, filter, evidence, reads, yields
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schema = try container.decode(Int.self, forKey: .schema)
    id = try container.decode(String.self, forKey: .id)
    title = try container.decode(String.self, forKey: .title)
    argv = try container.decodeIfPresent([String].self, forKey: .argv) ?? []
    httpGet = try container.decodeIfPresent(String.self, forKey: .httpGet)
    readOnly = try container.decode(Bool.self, forKey: .readOnly)
    needsRoot = try container.decode(Bool.self, forKey: .needsRoot)
    runsOn = try container.decode(Host.self, forKey: .runsOn)
    timeoutSeconds = try container.decode(Int.self, forKey: .timeoutSeconds)
    outputLimitBytes = try container.decode(Int.self, forKey: .outputLimitBytes)
    parser = try container.decode(OutputParserKind.self, forKey: .parser)
    filter = try container.decodeIfPresent(String.self, forKey: .filter)
    evidence = try container.decodeIfPresent([String].self, forKey: .evidence)
    reads = try container.decode(String.self, forKey: .reads)
    yields = try container.decode([FactDeclaration].self, forKey: .yields)
  }

  /// Whether it reads the management HTTP API rather than running a program.
  public var readsManagementAPI: Bool { httpGet != nil }

  /// The command line as a user would type it, each argument quoted where needed; for an API
  /// diagnostic, `GET` and its path.
  public var commandLine: String {
    if let httpGet { return "GET \(httpGet)" }
    return argv.map(ShellQuoting.quote).joined(separator: " ")
  }
}

/// Where a diagnostic runs.
public enum Host: String, Codable, Sendable, CaseIterable {
  case broker, client, any
  /// Wherever the management HTTP API can be reached from (`diagnose --url`).
  case managementAPI = "management-api"
}

/// The parsers that turn command output into facts.
public enum OutputParserKind: String, Codable, Sendable, CaseIterable {
  case rabbitmqctlTable = "rabbitmqctl-table"
  case ssSockets = "ss-sockets"
  case sysctlValues = "sysctl-values"
  case kernelOOM = "kernel-oom"
  case brokerLog = "broker-log"
  case nstatCounters = "nstat-counters"
  case plainText = "plain-text"
  /// What the RabbitMQ CLI tools say about reaching a node, including the report they print
  /// when they cannot (which other parsers treat as a failed run).
  case nodeReachability = "node-reachability"
  /// `openssl s_client`'s handshake and verification result.
  case opensslClient = "openssl-s-client"
  /// `GET /api/overview`: versions, the cluster's name, churn rates.
  case managementOverview = "management-overview"
  /// `GET /api/nodes`: each node's state, alarms, descriptors and partitions.
  case managementNodes = "management-nodes"
  /// `GET /api/connections`, every page: each client connection.
  case managementConnections = "management-connections"
  /// `GET /api/health/checks/...`: `{"status": "ok"}` or `failed` with a reason.
  case managementHealthCheck = "management-health-check"

  /// Whether it reads management HTTP API answers.
  public var readsManagementAPI: Bool {
    switch self {
    case .managementOverview, .managementNodes, .managementConnections, .managementHealthCheck: true
    default: false
    }
  }
}

/// A fact a diagnostic's output yields.
public struct FactDeclaration: Codable, Sendable, Hashable {
  /// The fact's id.
  public var fact: String
  /// What it means.
  public var description: String
  /// When the fact is worth reporting on its own, and what it points to; read by `diagnose`.
  public var finding: FindingRule?
}

/// A value of a fact that `diagnose` reports, with the guide (and cause) it points to.
public struct FindingRule: Codable, Sendable, Hashable {
  /// The comparison that makes the value notable.
  public var op: Comparison
  /// The value it is compared with.
  public var value: Double
  /// The finding in one line; `{value}` is replaced by the fact's value.
  public var says: String
  /// The guide that explains it.
  public var guide: String
  /// The cause in that guide, when the finding points to one.
  public var cause: String?
  /// Facts, from any diagnostic, shown with the finding when they are known: each adds its
  /// line to the message and its evidence to the finding's (a memory alarm with the
  /// connections it blocks).
  public var with: [Companion]?

  /// The finding's line for a fact with `value`.
  public func message(for value: Double) -> String {
    Self.fill(says, value)
  }

  /// `template` with `{value}` replaced by `value`, written as an integer when it is one.
  public static func fill(_ template: String, _ value: Double) -> String {
    let number = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    return template.replacingOccurrences(of: "{value}", with: number)
  }

  /// A fact shown with a finding.
  public struct Companion: Codable, Sendable, Hashable {
    /// The fact's id, as a diagnostic declares it.
    public var fact: String
    /// Its part of the finding's line; `{value}` is replaced by the fact's value.
    public var says: String
  }
}

/// Quoting for showing an argv as a shell command line; nothing is ever run through a shell.
public enum ShellQuoting {
  /// `argument` as a POSIX shell would need it written.
  public static func quote(_ argument: String) -> String {
    let safe = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=,@%+".contains($0) }
    if safe && !argument.isEmpty { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
