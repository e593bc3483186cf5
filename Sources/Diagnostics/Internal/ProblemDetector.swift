import Foundation

/// Recognises outputs that report a failure instead of the information asked for.
///
/// It reads the unfiltered output, so that a filter (such as the OOM one) cannot hide an
/// error message and turn it into an empty, apparently healthy result.
enum ProblemDetector {
  /// How many leading lines may hold a program's own error message.
  static let headLines = 5

  /// The problem the output reports, in one line, or `nil` when it reports none.
  static func problem(in lines: OutputLines, program: String) -> String? {
    let head = Array(lines.nonBlank.filter { !isDeprecationWarning($0) }.prefix(headLines)).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if head.contains(where: { commandNotFound.matches($0) }) { return "command not found" }
    // The Debian wrapper prints this last, after the usage text.
    let ends = lines.nonBlank.prefix(headLines) + lines.nonBlank.suffix(headLines)
    if let line = ends.first(where: { $0.contains("Only root or rabbitmq should run") }) {
      return "permission denied: " + Evidence.clip(line)
    }
    if let line = head.first(where: isPermissionError) {
      return "permission denied: " + Evidence.clip(line)
    }
    if let first = head.first, first.hasPrefix("Error:") {
      return RabbitMQCLIError.describe(program: program, head: head, all: lines.all)
    }
    return nil
  }

  /// The RabbitMQ CLI's warning about a deprecated setting it still honours, printed before
  /// anything else (`RABBITMQ_ERLANG_COOKIE env variable support is deprecated and will be
  /// REMOVED in a future version. ...`).
  static func isDeprecationWarning(_ line: String) -> Bool {
    line.contains(" is deprecated and will be REMOVED in a future version")
  }

  /// A shell's or launcher's message, starting with its name: `bash: x: command not found`,
  /// `zsh: command not found: x`, `sh: 1: x: not found`, `exec: "x": executable file not found
  /// in $PATH`, `runuser: failed to execute /usr/sbin/x: No such file or directory`.
  static let commandNotFound = NSRegularExpression.literal(
    "^[\\w./-]+: (.*: )?(command not found(: .*)?|not found|executable file not found.*"
      + "|failed to execute .*: No such file or directory)$")

  /// A tool's own message that it lacks permission, such as
  /// `dmesg: read kernel buffer failed: Operation not permitted`, or journalctl's
  /// `No journal files were opened due to insufficient permissions.` The message must start
  /// with the tool's name, so a log line that mentions a permission error never counts.
  static func isPermissionError(_ line: String) -> Bool {
    permissionDenied.matches(line) || line.contains("due to insufficient permissions")
  }

  static let permissionDenied = NSRegularExpression.literal(
    "^[\\w./-]+: .*(?i:operation not permitted|permission denied)")
}
