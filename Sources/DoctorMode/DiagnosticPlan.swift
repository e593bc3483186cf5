import CommandRunner
import Foundation
import GuideKit

/// Which catalogue diagnostics run on this host, and which are skipped and why: what
/// `rmq-doctor diagnose` shows before it runs anything, and what the MCP server returns before
/// an assistant asks to run them.
public struct DiagnosticPlan: Sendable {
  /// A diagnostic left out, with the command the user can run themselves.
  public struct Skipped: Codable, Sendable, Equatable {
    /// The diagnostic's id.
    public var diagnostic: String
    /// The command to run by hand.
    public var command: String
    /// Why it does not run here.
    public var reason: String
  }

  /// The diagnostics that will run, each one program with its time limit and output cap.
  public var runnable: [DiagnosticCommand] = []
  /// The diagnostics left out.
  public var skipped: [Skipped] = []

  /// The plan for this host: lint-rejected, missing and root-only diagnostics are skipped.
  public init(
    library: ContentLibrary, isRoot: Bool = geteuid() == 0,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    // Defence in depth: a diagnostic that lint rejects (not allow-listed, a shell, ...) never runs.
    let rejected = Set(
      Linter(strict: false).lint(library)
        .filter { $0.severity == .error }.map(\.location.path))
    // Management API diagnostics are read with `diagnose --url` (``ManagementPlan``), from anywhere.
    for located in library.diagnostics where !located.value.readsManagementAPI {
      let diagnostic = located.value
      if rejected.contains(located.yaml.path) {
        skipped.append(
          Skipped(
            diagnostic: diagnostic.id, command: diagnostic.commandLine, reason: "rejected by lint"))
      } else if CommandRunner.locate(
        diagnostic.argv[0], path: environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin") == nil
      {
        skipped.append(
          Skipped(
            diagnostic: diagnostic.id, command: diagnostic.commandLine,
            reason: "\(diagnostic.argv[0]) is not installed here"))
      } else if diagnostic.needsRoot && !isRoot {
        skipped.append(
          Skipped(
            diagnostic: diagnostic.id, command: "sudo " + diagnostic.commandLine,
            reason: "needs root; rmq-doctor does not elevate, run it yourself"))
      } else {
        runnable.append(diagnostic)
      }
    }
  }

  /// The exact commands, shown before anything runs.
  public var preview: String {
    var out = "Read-only commands to run on this host:\n"
    for diagnostic in runnable {
      out += "  $ \(diagnostic.commandLine)    (limit \(diagnostic.timeoutSeconds) s)\n"
    }
    for skip in skipped {
      out += "  skipped \(skip.diagnostic): \(skip.reason): \(skip.command)\n"
    }
    return out + "\n"
  }
}

extension DiagnosticPlan {
  /// Runs the runnable diagnostics, independent ones at the same time; one result each, in
  /// their order. The runner checks every argv against the allow-list again, whatever lint said.
  public func run(library: ContentLibrary) -> [CommandResult] {
    let commands = runnable
    let rules = library.allowList?.value.rules ?? [:]
    let results = ResultSlots<CommandResult>(count: commands.count)
    DispatchQueue.concurrentPerform(iterations: commands.count) { index in
      let command = commands[index]
      results.set(
        index,
        CommandRunner.run(
          command.argv, allowedBy: rules, timeout: .seconds(command.timeoutSeconds),
          outputLimit: command.outputLimitBytes))
    }
    return results.values
  }
}

/// One result per slot, filled from concurrent work.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [Value] { slots.compactMap { $0 } }
}
