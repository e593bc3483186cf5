import CommandRunner
import Diagnostics
import Foundation
import GuideKit
import LogScan
import TroubleshootingEngine

/// What `diagnose` found, from live runs or from a folder of captured outputs; the CLI and the
/// MCP server both build it here.
public struct DiagnoseReport: Sendable {
  /// Where the outputs came from: `this host`, or `evidence in DIR`.
  public var origin: String
  /// What each diagnostic's output said.
  public var readings: [DiagnosticReading]
  /// The diagnostics that did not run.
  public var skipped: [DiagnosticPlan.Skipped]
  /// What looks wrong, each with its guide.
  public var findings: [Finding]
  /// Catalogue diagnostics with no captured output in the evidence.
  public var unavailable: [String]
  /// What else happened on the way (a member asked directly, what it said).
  public var notes: [String] = []
  /// The diagnostics whose outputs are each one node's view of the cluster (the management API
  /// answers): their grouped findings keep the lines of every view, not only the highest one.
  public var viewDiagnostics: Set<String> = []

  /// Reads every catalogue diagnostic's files in the evidence folder.
  ///
  /// - Throws: the evidence bundle's error when the folder cannot be read.
  public static func fromEvidence(
    _ directory: String, library: ContentLibrary, classifier: LogClassifier
  ) throws -> DiagnoseReport {
    let bundle = try EvidenceBundle(directory: directory)
    var readings: [DiagnosticReading] = []
    var unavailable: [String] = []
    var views: [(source: String, text: String)] = []
    for located in library.diagnostics {
      let found = bundle.readings(for: located.value, classifier: classifier)
      if found.isEmpty { unavailable.append(located.value.id) }
      readings += found
      if located.value.parser == .managementNodes {
        views += bundle.texts(for: located.value)
      }
    }
    reconcile(&readings, views: views, library: library)
    return DiagnoseReport(
      origin: "evidence in \(directory)", readings: readings, skipped: [],
      findings: Finding.findings(in: readings.flatMap(\.facts), library: library),
      unavailable: unavailable,
      viewDiagnostics: Self.viewDiagnostics(library))
  }

  /// Runs the plan's diagnostics, independent ones at the same time.
  public static func live(
    _ plan: DiagnosticPlan, library: ContentLibrary, classifier: LogClassifier
  ) -> DiagnoseReport {
    let results = plan.run(library: library)
    let readings = zip(plan.runnable, results).map {
      reading(of: $1, for: $0, classifier: classifier)
    }
    return DiagnoseReport(
      origin: "this host", readings: readings, skipped: plan.skipped,
      findings: Finding.findings(in: readings.flatMap(\.facts), library: library), unavailable: [])
  }

  static func reading(
    of result: CommandResult, for command: DiagnosticCommand, classifier: LogClassifier
  ) -> DiagnosticReading {
    if let failure = result.launchFailure {
      return DiagnosticReading(diagnostic: command.id, source: "live", facts: [], problem: failure)
    }
    if result.timedOut {
      return DiagnosticReading(
        diagnostic: command.id, source: "live", facts: [],
        problem: "stopped after its \(command.timeoutSeconds) s limit")
    }
    var reading = OutputReader.read(
      result.output, of: command, source: "live", classifier: classifier)
    if result.truncated && reading.problem == nil {
      reading.problem =
        "output cut at \(command.outputLimitBytes) bytes; facts are from the first part"
    }
    return reading
  }

  /// The ids of the diagnostics that read the management API.
  static func viewDiagnostics(_ library: ContentLibrary) -> Set<String> {
    Set(library.diagnostics.map(\.value).filter(\.readsManagementAPI).map(\.id))
  }

  /// The findings grouped: one line per diagnostic and fact, the highest value first.
  public var groupedFindings: [(finding: Finding, sources: [String])] {
    var groups: [(finding: Finding, sources: [String])] = []
    for finding in findings {
      let source = String(finding.fact.source.drop { $0 != ":" }.dropFirst())
      if let index = groups.firstIndex(where: {
        $0.finding.diagnostic == finding.diagnostic && $0.finding.fact.id == finding.fact.id
      }) {
        groups[index].sources.append(source)
        // The highest value's evidence first, then what the other outputs show that it does
        // not (another node's view of the same member).
        var kept = groups[index].finding
        var other = finding
        if finding.fact.value > kept.fact.value { swap(&kept, &other) }
        if viewDiagnostics.contains(finding.diagnostic) {
          kept.fact.evidence += other.fact.evidence.filter { !kept.fact.evidence.contains($0) }
        }
        groups[index].finding = kept
      } else {
        groups.append((finding, [source]))
      }
    }
    return groups
  }

  /// The report as `rmq-doctor diagnose` prints it.
  public var text: String {
    var out = "Diagnostics read from \(origin): \(readings.count) output(s).\n\n"
    for note in notes { out += "Note: \(note)\n" }
    if !notes.isEmpty { out += "\n" }
    let groups = groupedFindings
    if groups.isEmpty {
      out += "No findings.\n"
    } else {
      out += "Findings (\(groups.count)):\n"
      for (number, group) in groups.enumerated() {
        let finding = group.finding
        let pointer = finding.cause.map { "\(finding.guide), cause \($0)" } ?? finding.guide
        out += "  \(number + 1). \(finding.message)\n"
        out += "     -> \(pointer): rmq-doctor show \(finding.guide)\n"
        let shown = group.sources.prefix(3).joined(separator: ", ")
        let more = group.sources.count > 3 ? " and \(group.sources.count - 3) more" : ""
        out += "     seen by \(finding.diagnostic) in \(shown)\(more)\n"
        for line in finding.fact.evidence.prefix(3) {
          out += "       | \(line)\n"
        }
      }
    }
    let problems = readings.filter { $0.problem != nil }
    if !problems.isEmpty {
      out += "\nCould not read (\(problems.count)):\n"
      for reading in problems {
        out += "  \(reading.diagnostic), \(reading.source): \(reading.problem ?? "")\n"
      }
    }
    if !skipped.isEmpty {
      out += "\nSkipped (\(skipped.count)):\n"
      for skip in skipped { out += "  \(skip.diagnostic): \(skip.reason)\n    $ \(skip.command)\n" }
    }
    if !unavailable.isEmpty {
      out += "\nNo captured output for: \(unavailable.joined(separator: ", "))\n"
    }
    return out
  }

  /// The `--json` shape, which the MCP server returns too.
  public struct JSON: Codable, Sendable, Equatable {
    /// One finding, grouped over the captures that show it.
    public struct FindingJSON: Codable, Sendable, Equatable {
      public var diagnostic: String
      public var fact: String
      public var value: Double
      public var message: String
      public var guide: String
      public var cause: String?
      public var sources: [String]
      public var evidence: [String]
    }
    /// An output that could not be read.
    public struct Problem: Codable, Sendable, Equatable {
      public var diagnostic: String
      public var source: String
      public var problem: String
    }
    public var origin: String
    public var findings: [FindingJSON]
    public var facts: [Fact]
    public var problems: [Problem]
    public var skipped: [DiagnosticPlan.Skipped]
    public var unavailable: [String]
    public var notes: [String]?
  }

  /// The report in its `--json` shape.
  public var json: JSON {
    JSON(
      origin: origin,
      findings: groupedFindings.map {
        JSON.FindingJSON(
          diagnostic: $0.finding.diagnostic, fact: $0.finding.fact.id, value: $0.finding.fact.value,
          message: $0.finding.message, guide: $0.finding.guide, cause: $0.finding.cause,
          sources: $0.sources, evidence: $0.finding.fact.evidence)
      },
      facts: readings.flatMap(\.facts),
      problems: readings.compactMap { reading in
        reading.problem.map {
          JSON.Problem(diagnostic: reading.diagnostic, source: reading.source, problem: $0)
        }
      },
      skipped: skipped, unavailable: unavailable, notes: notes.isEmpty ? nil : notes)
  }
}
