import DoctorMode
import MCP

extension DoctorTool {
  /// `run_diagnostics`, offered only with `--allow-live-diagnostics`: first the exact commands,
  /// then, when called again with `confirm`, their report.
  static let runDiagnostics = DoctorTool(
    name: "run_diagnostics",
    description: """
      Run the read-only diagnostics of the catalogue on the server's host. Without confirm, \
      nothing runs: the exact commands come back, to show the user before asking to run them. \
      With confirm true, they run (each one program, no shell, with its time limit and output \
      cap) and the findings come back, as 'rmq-doctor diagnose --yes --json' prints them.
      """,
    properties: [
      "confirm": .object([
        "type": "boolean", "description": "True only after the user saw the commands and agreed.",
      ])
    ]
  ) { arguments, toolbox in
    let plan = DiagnosticPlan(library: toolbox.library)
    guard try arguments.bool("confirm") == true else {
      return ToolAnswer(
        LivePlan(
          commands: plan.runnable.map {
            .init(diagnostic: $0.id, command: $0.commandLine, timeoutSeconds: $0.timeoutSeconds)
          },
          skipped: plan.skipped,
          note:
            "Nothing has run. Show these commands to the user; call run_diagnostics with confirm true only if they agree."
        ),
        summary: plan.preview)
    }
    return ToolAnswer(
      DiagnoseReport.live(plan, library: toolbox.library, classifier: toolbox.classifier).json)
  }
}

/// What `run_diagnostics` would run.
struct LivePlan: Encodable {
  struct Command: Encodable {
    var diagnostic: String
    var command: String
    var timeoutSeconds: Int
  }
  var commands: [Command]
  var skipped: [DiagnosticPlan.Skipped]
  var note: String
}
