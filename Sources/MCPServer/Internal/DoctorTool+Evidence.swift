import Diagnostics
import DoctorMode
import Foundation
import LogScan
import MCP

extension DoctorTool {
  /// `diagnose_evidence`: `rmq-doctor diagnose --evidence DIR --json`.
  static let diagnoseEvidence = DoctorTool(
    name: "diagnose_evidence",
    description: """
      Read a folder of captured command outputs (rabbitmqctl, rabbitmq-diagnostics, ss, \
      sysctl, dmesg, nstat, the broker log; file names as in the README) and report what looks \
      wrong, each finding pointing to a guide and cause (what 'rmq-doctor diagnose --evidence \
      DIR --json' prints). Nothing is run.
      """,
    properties: [
      "folder": .object([
        "type": "string", "description": "The evidence folder, on the server's host.",
      ])
    ],
    required: ["folder"]
  ) { arguments, toolbox in
    let folder = try arguments.requiredString("folder")
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw ToolError(
        tool: arguments.tool, argument: "folder",
        "\(folder.prefix(200)) is not a folder that can be read")
    }
    do {
      let report = try DiagnoseReport.fromEvidence(
        folder, library: toolbox.library, classifier: toolbox.classifier)
      return ToolAnswer(report.json)
    } catch {
      throw ToolError(tool: arguments.tool, argument: "folder", "\(error)")
    }
  }

  /// `scan_logs`: `rmq-doctor scan --json`, led by the terminal summary grouped as asked.
  static let scanLogs = DoctorTool(
    name: "scan_logs",
    description: """
      Triage whole broker and client logs (plain or .gz) on the server's host: count their \
      error entries by guide, peer, subnet, user, vhost and hour. Returns the summary grouped \
      as asked, then the whole report (what 'rmq-doctor scan --json' prints).
      """,
    properties: [
      "paths": .object([
        "type": "array", "items": .object(["type": "string"]), "minItems": 1, "maxItems": 100,
      ]),
      "grouping": .object([
        "type": "string", "enum": .array(ScanGrouping.allCases.map { .string($0.rawValue) }),
      ]),
      "since": .object([
        "type": "string",
        "description": "YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM] or an age: 90m, 6h, 2d.",
      ]),
      "until": .object(["type": "string", "description": "Same forms as since."]),
    ],
    required: ["paths"]
  ) { arguments, toolbox in
    let paths = try arguments.strings("paths") ?? []
    guard (1...100).contains(paths.count) else {
      throw ToolError(tool: arguments.tool, argument: "paths", "give from 1 to 100 log files")
    }
    for path in paths { try readableFile(path, tool: arguments.tool) }
    let grouping =
      try arguments.choice("grouping", among: ScanGrouping.allCases.map(\.rawValue))
      .flatMap(ScanGrouping.init(rawValue:)) ?? .guide
    let window = ScanWindow(
      since: try time(arguments, "since"), until: try time(arguments, "until"))
    if let since = window.since, let until = window.until, since >= until {
      throw ToolError(tool: arguments.tool, argument: "since", "since must be before until")
    }
    let scanner = LogScanner(classifier: toolbox.classifier, window: window)
    for path in paths { scanner.scan(path: path) }
    let report = scanner.report()
    return ToolAnswer(
      report, summary: ScanPresentation(report: report, width: 100).text(by: grouping))
  }

  /// Fails unless `path` is a regular file this process can read (never a device or a pipe,
  /// which could block the server).
  private static func readableFile(_ path: String, tool: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw ToolError(
        tool: tool, argument: "paths",
        "cannot read \(path.prefix(200)): \(String(cString: strerror(errno)))")
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw ToolError(tool: tool, argument: "paths", "\(path.prefix(200)) is not a regular file")
    }
    guard access(path, R_OK) == 0 else {
      throw ToolError(
        tool: tool, argument: "paths", "cannot read \(path.prefix(200)): permission denied")
    }
  }

  private static func time(_ arguments: ToolArguments, _ name: String) throws -> Int64? {
    guard let text = try arguments.string(name) else { return nil }
    guard let seconds = ScanWindow.time(parsing: text) else {
      throw ToolError(
        tool: arguments.tool, argument: name,
        "cannot read '\(text.prefix(60))' as a time; use YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM] or an age such as 6h"
      )
    }
    return seconds
  }
}
