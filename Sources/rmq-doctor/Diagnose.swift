import ArgumentParser
import CommandLineSupport
import CommandRunner
import Diagnostics
import DoctorMode
import Foundation
import GuideKit
import TroubleshootingEngine

extension RMQDoctor {
  /// `rmq-doctor diagnose`: run (or read) every diagnostic and report what looks wrong.
  struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diagnose",
      abstract: "Run the read-only diagnostics, or read captured outputs, and report findings.",
      discussion: """
        Live, every diagnostic of the catalogue in Content/diagnostics runs on this host: one \
        read-only program each, never through a shell, with its time limit and output cap. The \
        exact commands are shown first, and run only after you confirm (or with --yes). A \
        diagnostic that needs root is skipped when you are not root, with the command to run \
        yourself; rmq-doctor never uses sudo. With --url the management HTTP API of each node \
        named is read instead, from any host and as any user with the monitoring tag: only GET \
        requests of the paths in Content/allowlist.yaml, shown before they are sent. With \
        --evidence DIR nothing runs: the captured outputs in DIR (or a bundle written by \
        'rmq-doctor collect') are read instead. Exits with 0 when nothing is found, 1 when there \
        are findings, 2 on usage errors, 3 when no management API could be read.
        """)

    @OptionGroup var options: ContentOptions

    @Option(
      help: ArgumentHelp(
        "Read captured command outputs from this folder instead of running anything.",
        valueName: "dir"))
    var evidence: String?

    @OptionGroup(title: "Management API") var management: ManagementOptions

    @Flag(help: "Run the diagnostics (or send the requests) without asking first.")
    var yes = false

    @Flag(help: "Print one JSON object: findings, facts, problems and skipped diagnostics.")
    var json = false

    func validate() throws {
      if management.isGiven && evidence != nil {
        throw ValidationError("give --url or --evidence, not both")
      }
      if management.isGiven {
        if !yes && !StandardInput.isTerminal {
          throw ValidationError("standard input is not a terminal; pass --yes to send the requests")
        }
      } else if let evidence {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: evidence, isDirectory: &isDirectory),
          isDirectory.boolValue
        else {
          throw ValidationError("\(evidence): no such evidence folder")
        }
      } else if !yes && !StandardInput.isTerminal {
        throw ValidationError(
          "standard input is not a terminal; pass --yes to run the diagnostics, or --evidence DIR")
      }
    }

    func run() throws {
      let library = try options.load()
      let report: DiagnoseReport
      if management.isGiven {
        guard
          let survey = try management.survey(
            library: library, yes: yes, previewToStandardError: json)
        else {
          throw ExitCode(0)
        }
        report = DiagnoseReport.fromManagement(
          survey, library: library, classifier: try options.logClassifier(library: library))
      } else if let evidence {
        let classifier = try options.logClassifier(library: library)
        do {
          report = try DiagnoseReport.fromEvidence(
            evidence, library: library, classifier: classifier)
        } catch {
          throw CLIError("\(error)")
        }
      } else {
        let plan = DiagnosticPlan(library: library)
        if !json { print(plan.preview, terminator: "") }
        if !yes && !plan.runnable.isEmpty
          && !Confirmation.ask("Run these \(plan.runnable.count) read-only commands?")
        {
          throw ExitCode(0)
        }
        report = DiagnoseReport.live(
          plan, library: library, classifier: try options.logClassifier(library: library))
      }
      if json {
        print(try JSONOutput.encode(report.json))
      } else {
        print(report.text, terminator: "")
      }
      if !report.findings.isEmpty { throw ExitCode(1) }
    }
  }
}

/// Asks a yes/no question on the terminal; anything but `y` or `yes` is no.
enum Confirmation {
  static func ask(_ question: String) -> Bool {
    FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
    guard let line = readLine() else { return false }
    return ["y", "yes"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
  }
}
