import Foundation
import GuideKit
import Testing

@testable import Diagnostics

/// Opening support bundles and matching their files.
@Suite struct EvidenceBundleTests {
  /// A fresh folder holding `files` (name to content) and the folders in `folders`.
  static func scratch(files: [String: String], folders: [String] = []) throws -> String {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("evidence-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    for name in folders {
      try FileManager.default.createDirectory(
        at: directory.appendingPathComponent(name), withIntermediateDirectories: true)
    }
    return directory.path
  }

  @Test func aMissingFolderNamesItsPath() {
    let path = "/nonexistent/bundle-\(UUID().uuidString)"
    #expect(throws: EvidenceBundleError(.missing, path: path)) {
      try EvidenceBundle(directory: path)
    }
    do {
      _ = try EvidenceBundle(directory: path)
    } catch {
      #expect(error.description == "\(path): no such evidence folder")
    }
  }

  @Test func aFileIsNotABundle() throws {
    let folder = try Self.scratch(files: ["note.txt": "x"])
    let file = folder + "/note.txt"
    #expect(throws: EvidenceBundleError(.notADirectory, path: file)) {
      try EvidenceBundle(directory: file)
    }
  }

  @Test func filesMatchThePatternsAndAreSorted() throws {
    let folder = try Self.scratch(
      files: [
        "rabbitmqctl-list_connections-prod.txt": "Listing connections ...\n",
        "rabbitmqctl-q-list_connections-b.txt": "",
        "rabbitmqctl-list_connections-a.txt": "name\ttimeout\nc1\t0\n",
        "rabbitmqctl-list_connections.log": "",
        "notes.txt": "",
      ], folders: ["rabbitmqctl-list_connections-folder.txt"])
    let bundle = try EvidenceBundle(directory: folder)
    let command = try BrokerFixtures.command("rabbitmqctl-list-connections")
    #expect(
      bundle.files(for: command) == [
        "rabbitmqctl-list_connections-a.txt", "rabbitmqctl-list_connections-prod.txt",
        "rabbitmqctl-q-list_connections-b.txt",
      ])
    let readings = bundle.readings(for: command, classifier: BrokerFixtures.classifier)
    #expect(readings.map { $0.value("connection-count") } == [1, 0, 0])
    #expect(readings[0].value("heartbeat-zero-connections") == 1)
    #expect(
      readings[0].fact("connection-count")?.source
        == "rabbitmqctl-list-connections:rabbitmqctl-list_connections-a.txt")
  }

  @Test func aDiagnosticWithoutPatternsHasNoFiles() throws {
    var command = try BrokerFixtures.command("sysctl-tcp-timers")
    command.evidence = nil
    let bundle = try EvidenceBundle(directory: BrokerFixtures.directory.path)
    #expect(bundle.files(for: command).isEmpty)
    #expect(bundle.readings(for: command, classifier: BrokerFixtures.classifier).isEmpty)
  }
}
