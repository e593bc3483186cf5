import Foundation
import TestSupport
import Testing

/// The official MCP Python client (`mcp` from PyPI, in `.venv-mcp` made by `.ci/mcp-python`)
/// driving the built `rmq-doctor mcp`. Off CI a missing client skips the test with the reason;
/// under CI (`CI=true`) it fails it.
enum MCPClient {
  static let environment = ProcessInfo.processInfo.environment
  static let underCI = ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
  static let script = Fixtures.repository.appendingPathComponent(
    "Tests/MCPServerTests/Client/mcp_session.py"
  ).path

  /// `RMQ_DOCTOR_MCP_PYTHON`, else `.venv-mcp/bin/python3`.
  static let python: String = {
    if let explicit = environment["RMQ_DOCTOR_MCP_PYTHON"], !explicit.isEmpty { return explicit }
    return Fixtures.repository.appendingPathComponent(".venv-mcp/bin/python3").path
  }()

  /// Why the client cannot run here, or `nil`.
  static let missing: String? = {
    guard FileManager.default.isExecutableFile(atPath: python) else {
      return "no \(python) (run: bash .ci/mcp-python)"
    }
    if (try? Runner.run(python, ["-c", "import mcp"], timeout: 60))?.status != 0 {
      return "\(python) cannot import mcp (run: bash .ci/mcp-python)"
    }
    return nil
  }()

  /// Skips the test when the client is missing, or fails it under CI.
  static func require(sourceLocation: SourceLocation = #_sourceLocation) throws {
    guard let missing else { return }
    if underCI {
      throw Runner.Failure(description: "CI=true, and the MCP client cannot run: \(missing)")
    }
    try Test.cancel("MCP client tests skipped: \(missing)", sourceLocation: sourceLocation)
  }

  /// One step's outcome, as the Python driver records it.
  struct StepResult: Decodable {
    var ok: Bool
    var error: String?
    var isError: Bool?
    var structured: JSONValue?
    var texts: [String]?
    var tools: [ToolEntry]?
    var resources: [ResourceEntry]?

    struct ToolEntry: Decodable {
      var name: String
      var inputSchema: JSONValue
    }
    struct ResourceEntry: Decodable {
      var uri: String
      var mimeType: String?
    }

    /// The structured content decoded as `type`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
      let value = try #require(
        structured, "no structured content; texts: \(texts ?? []), error: \(error ?? "")")
      return try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }
  }

  private struct Transcript: Decodable {
    var server: String
    var results: [StepResult]
  }

  /// Starts `rmq-doctor mcp` with `serverArguments`, runs `steps` in one session, and returns
  /// one result per step.
  static func session(_ steps: [[String: Any]], serverArguments: [String] = []) throws
    -> [StepResult]
  {
    let plan: [String: Any] = [
      "command": [BuiltBinary.path, "mcp", "--content", Fixtures.content.path] + serverArguments,
      "env": ["RMQ_DOCTOR_CACHE": "off", "PATH": environment["PATH"] ?? "/usr/bin:/bin"],
      "steps": steps,
    ]
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("rmq-doctor-mcp-plan-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: plan).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try Runner.run(python, [script, file.path], timeout: 300)
    guard run.status == 0 else {
      throw Runner.Failure(
        description: "the MCP client failed (\(run.status)): \(run.stderr.suffix(2000))")
    }
    let transcript = try JSONDecoder().decode(Transcript.self, from: Data(run.stdout.utf8))
    guard transcript.server == "rmq-doctor", transcript.results.count == steps.count else {
      throw Runner.Failure(description: "unexpected transcript: \(run.stdout.prefix(500))")
    }
    return transcript.results
  }

  /// A tool call step.
  static func call(_ tool: String, _ arguments: [String: Any] = [:]) -> [String: Any] {
    ["op": "call", "tool": tool, "arguments": arguments]
  }
}

/// Any JSON value, to carry structured content from the client's transcript.
enum JSONValue: Codable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let bool = try? container.decode(Bool.self) {
      self = .bool(bool)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let string = try? container.decode(String.self) {
      self = .string(string)
    } else if let array = try? container.decode([JSONValue].self) {
      self = .array(array)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let bool): try container.encode(bool)
    case .number(let number): try container.encode(number)
    case .string(let string): try container.encode(string)
    case .array(let array): try container.encode(array)
    case .object(let object): try container.encode(object)
    }
  }
}
