import CommandRunner
import Diagnostics
import DoctorMode
import Foundation
import GuideKit
import TestSupport
import Testing

/// What `collect --local` names each output is what `diagnose --evidence` looks for.
@Suite struct EvidenceNamingTests {
  @Test func everyLocalOutputIsReadBackUnderTheNameCollectGivesIt() throws {
    let library = try ContentLoader.load(directory: Fixtures.content.path).library
    let commands = library.diagnostics.map(\.value).filter { !$0.readsManagementAPI }
    #expect(commands.count >= 20)
    let results = commands.map { _ in
      CommandResult(
        output: "x\n", exitStatus: 0, timedOut: false, truncated: false, launchFailure: nil,
        duration: .zero)
    }
    var collection = EvidenceCollection(scrubber: SecretScrubber())
    collection.add(results, of: commands, startedAt: Date())
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmqd-naming-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let manifest = collection.manifest(tool: "test", collectedBy: "test")
    try BundleWriter(output: root).write(try collection.bundleFiles(manifest: manifest))
    let bundle = try EvidenceBundle(directory: root)
    for command in commands {
      let entry = try #require(manifest.entries.first { $0.diagnostic == command.id })
      #expect(entry.file != nil, "\(command.id): \(entry.problem ?? "")")
      #expect(bundle.files(for: command) == [entry.file].compactMap { $0 }, "\(command.id)")
    }
  }
}
