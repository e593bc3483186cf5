import ErrorSearch
import GuideKit
import LogScan
import MCP

/// What every tool reads: the content, its search index, the configuration.
struct Toolbox: Sendable {
  let library: ContentLibrary
  let index: SearchIndex
  let configuration: DoctorServer.Configuration

  /// The tools offered: `run_diagnostics` only when live diagnostics were allowed.
  var tools: [DoctorTool] {
    var tools: [DoctorTool] = [
      .searchError, .getGuide, .listGuides, .troubleshoot, .diagnoseEvidence, .scanLogs,
    ]
    if configuration.allowLiveDiagnostics { tools.append(.runDiagnostics) }
    return tools
  }

  /// The matcher of log entries to guides, as `scan` and `diagnose` use it.
  var classifier: LogClassifier { LogClassifier(index: index) }

  /// Runs the tool `name`; any failure becomes a result marked `isError`, never a thrown error.
  func call(_ name: String, arguments: [String: Value]) -> CallTool.Result {
    guard let tool = tools.first(where: { $0.definition.name == name }) else {
      let names = tools.map(\.definition.name)
      let hint = Suggestion.closest(to: name, among: names).map { " Did you mean '\($0)'?" } ?? ""
      return ToolOutput.failure(
        ToolError(
          tool: name,
          "there is no tool '\(name)'; the tools are \(names.joined(separator: ", ")).\(hint)"))
    }
    do {
      let checked = try ToolArguments(tool: tool, values: arguments)
      return try ToolOutput.result(try tool.run(checked, self), limit: configuration.resultLimit)
    } catch let error as ToolError {
      ServerLog.note("\(name): \(error.description)")
      return ToolOutput.failure(error)
    } catch {
      ServerLog.note("\(name): \(error)")
      return ToolOutput.failure(ToolError(tool: name, "\(error)"))
    }
  }
}

/// One tool: its definition with the JSON schema of its arguments, and its handler.
struct DoctorTool: Sendable {
  let definition: Tool
  let run: @Sendable (ToolArguments, Toolbox) throws -> ToolAnswer

  /// A tool whose arguments are `properties` (JSON schemas by name), `required` among them.
  init(
    name: String, description: String, properties: [String: Value], required: [String] = [],
    run: @escaping @Sendable (ToolArguments, Toolbox) throws -> ToolAnswer
  ) {
    definition = Tool(
      name: name, description: description,
      inputSchema: .object([
        "type": "object", "properties": .object(properties),
        "required": .array(required.map { .string($0) }), "additionalProperties": false,
      ]),
      annotations: .init(readOnlyHint: true, openWorldHint: false))
    self.run = run
  }

  /// The names of its arguments.
  var argumentNames: [String] {
    definition.inputSchema.objectValue?["properties"]?.objectValue?.keys.sorted() ?? []
  }

  /// The names of its required arguments.
  var requiredNames: [String] {
    definition.inputSchema.objectValue?["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
  }
}

/// What a tool answers: the object (the same as the CLI's `--json`), and optionally a text
/// for people that comes before it.
struct ToolAnswer {
  var value: any Encodable
  var summary: String?

  init(_ value: any Encodable, summary: String? = nil) {
    self.value = value
    self.summary = summary
  }
}
