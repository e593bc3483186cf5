import ErrorSearch
import MCP

extension DoctorTool {
  /// The longest text `search_error` takes; a whole log belongs to `scan_logs`.
  static let searchTextLimit = 1 << 20

  /// `search_error`: `rmq-doctor search --json`.
  static let searchError = DoctorTool(
    name: "search_error",
    description: """
      Find the guide that explains a pasted RabbitMQ error: a broker log line or entry, a client \
      exception or the end of a traceback, pasted as it is. Returns the guides ranked, each with \
      its score and why it matched, and whether the first one explains the error with \
      confidence (exactly what 'rmq-doctor search --json' prints).
      """,
    properties: [
      "text": .object(["type": "string", "description": "The error text, as pasted."]),
      "limit": .object([
        "type": "integer", "minimum": 1, "maximum": 50,
        "description": "How many guides to list at most (5).",
      ]),
    ],
    required: ["text"]
  ) { arguments, toolbox in
    let text = try arguments.requiredString("text")
    let limit = try arguments.integer("limit", in: 1...50) ?? 5
    guard text.utf8.count <= searchTextLimit else {
      throw ToolError(
        tool: arguments.tool, argument: "text",
        "the text is \(text.utf8.count) bytes and the search takes at most \(searchTextLimit); paste the error lines, or give the log file to scan_logs"
      )
    }
    return ToolAnswer(SearchReport(toolbox.index.search(text, limit: limit)))
  }
}
