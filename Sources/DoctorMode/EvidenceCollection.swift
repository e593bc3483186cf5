import CommandRunner
import Foundation
import GuideKit
import ManagementAPI

/// An evidence bundle being put together by `rmq-doctor collect`: one file per management API
/// answer and per local command output, named as the catalogue's `evidence` patterns expect
/// (so `diagnose --evidence` and `wizard --evidence` read it back), each scrubbed of secrets,
/// and a `manifest.json` saying when and how each was taken.
public struct EvidenceCollection: Sendable {
  /// The manifest's name in the bundle.
  public static let manifestName = "manifest.json"

  /// One file of the bundle.
  public struct File: Sendable {
    /// The file's name in the bundle, without a folder.
    public var name: String
    /// Its bytes.
    public var contents: Data

    /// A file named `name` holding `contents`.
    public init(name: String, contents: Data) {
      self.name = name
      self.contents = contents
    }
  }

  /// How one file (or one failed request or command) was taken.
  public struct Entry: Codable, Sendable, Equatable {
    /// The file's name; `nil` when nothing usable came back.
    public var file: String?
    /// The catalogue diagnostic.
    public var diagnostic: String
    /// `GET URL` for each request (one per page), or the command line run.
    public var how: [String]
    /// The node that answered, for API answers.
    public var node: String?
    /// The HTTP status, or the command's exit status.
    public var status: Int?
    /// When it was taken (ISO 8601).
    public var takenAt: String
    /// How long it took, in milliseconds.
    public var milliseconds: Int
    /// The file's size after scrubbing.
    public var bytes: Int?
    /// Why there is no file, or what is incomplete about it.
    public var problem: String?
    /// What the scrubber took out, by kind.
    public var scrubbed: [String: Int]?

    enum CodingKeys: String, CodingKey {
      case file, diagnostic, how, node, status
      case takenAt = "taken_at"
      case milliseconds, bytes, problem, scrubbed
    }
  }

  /// The manifest.
  public struct Manifest: Codable, Sendable, Equatable {
    public var tool: String
    public var collectedAt: String
    public var collectedBy: String
    public var entries: [Entry]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
      case tool
      case collectedAt = "collected_at"
      case collectedBy = "collected_by"
      case entries, notes
    }
  }

  /// The files so far.
  public private(set) var files: [File] = []
  /// The manifest's entries so far.
  public private(set) var entries: [Entry] = []
  /// Notes for the manifest.
  public var notes: [String] = []
  private let scrubber: SecretScrubber

  /// A collection that scrubs with `scrubber`.
  public init(scrubber: SecretScrubber) {
    self.scrubber = scrubber
  }

  /// Adds every answer of a survey.
  public mutating func add(_ survey: ManagementSurvey) {
    notes += survey.notes
    for answer in survey.answers {
      var entry = Entry(
        file: nil, diagnostic: answer.diagnostic, how: answer.urls.map { "GET \($0)" },
        node: answer.node,
        status: answer.status, takenAt: Self.timestamp(answer.sentAt),
        milliseconds: answer.milliseconds,
        problem: answer.problem?.description)
      if let body = answer.body, answer.problem == nil {
        let name = uniqueName("\(answer.diagnostic)-\(Self.safeName(answer.endpoint.label)).json")
        add(body, as: name, entry: &entry)
      }
      entries.append(entry)
    }
  }

  /// Adds the outputs of local diagnostics run by `plan`, each as the first of its evidence
  /// patterns names it (`rabbitmqctl-list_connections*.txt` becomes
  /// `rabbitmqctl-list_connections.txt`).
  public mutating func add(
    _ results: [CommandResult], of commands: [DiagnosticCommand], startedAt: Date
  ) {
    for (command, result) in zip(commands, results) {
      var entry = Entry(
        file: nil, diagnostic: command.id, how: [command.commandLine], node: nil,
        status: result.exitStatus.map(Int.init), takenAt: Self.timestamp(startedAt),
        milliseconds: Int(
          result.duration.components.seconds * 1000 + result.duration.components.attoseconds
            / 1_000_000_000_000_000),
        problem: result.launchFailure
          ?? (result.timedOut ? "stopped after its \(command.timeoutSeconds) s limit" : nil))
      if result.truncated { entry.problem = "output cut at \(command.outputLimitBytes) bytes" }
      if result.launchFailure == nil, let pattern = command.evidence?.first {
        let name = uniqueName(pattern.replacingOccurrences(of: "*", with: ""))
        add(Data(result.output.utf8), as: name, entry: &entry)
      } else if result.launchFailure == nil {
        entry.problem = "the catalogue gives it no evidence file name; not kept"
      }
      entries.append(entry)
    }
  }

  private mutating func add(_ data: Data, as name: String, entry: inout Entry) {
    let (clean, removed) = scrubber.scrub(data)
    files.append(File(name: name, contents: clean))
    entry.file = name
    entry.bytes = clean.count
    entry.scrubbed = removed.isEmpty ? nil : removed
  }

  private func uniqueName(_ name: String) -> String {
    guard files.contains(where: { $0.name == name }) else { return name }
    let base = (name as NSString).deletingPathExtension
    let ext = (name as NSString).pathExtension
    var number = 2
    while files.contains(where: { $0.name == "\(base)-\(number).\(ext)" }) { number += 1 }
    return "\(base)-\(number).\(ext)"
  }

  /// The manifest of what was added.
  public func manifest(tool: String, collectedBy: String, at date: Date = Date()) -> Manifest {
    Manifest(
      tool: tool, collectedAt: Self.timestamp(date), collectedBy: collectedBy, entries: entries,
      notes: notes)
  }

  /// Every file, the manifest last.
  public func bundleFiles(manifest: Manifest) throws -> [File] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return files + [
      File(name: Self.manifestName, contents: try encoder.encode(manifest) + Data("\n".utf8))
    ]
  }

  /// `label` with only characters safe in a file name (`127.0.0.1:15672` → `127.0.0.1_15672`).
  static func safeName(_ label: String) -> String {
    String(label.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
  }

  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }
}
