import DoctorMode
import Foundation
import Testing

/// A bundle is written whole into a new or empty folder, or not at all.
@Suite struct BundleWriterTests {
  func scratch() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmqd-bundle-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  let files = [
    EvidenceCollection.File(name: "api-nodes-h_15672.json", contents: Data("[]".utf8)),
    EvidenceCollection.File(name: "manifest.json", contents: Data("{}".utf8)),
  ]

  @Test func writesANewFolderOwnerOnly() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try BundleWriter(output: root + "/out").write(files)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: root + "/out").sorted()
        == files.map(\.name).sorted())
    let attributes = try FileManager.default.attributesOfItem(atPath: root + "/out")
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    // No staging folder is left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
  }

  @Test func anEmptyFolderIsFilled() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: root + "/out", withIntermediateDirectories: false)
    try BundleWriter(output: root + "/out/").write(files)
    #expect(FileManager.default.fileExists(atPath: root + "/out/manifest.json"))
  }

  @Test func aFolderWithFilesIsRefusedAndKept() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: root + "/out", withIntermediateDirectories: false)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: root + "/out/notes.txt"))
    #expect(throws: BundleWriter.Failure.self) {
      try BundleWriter(output: root + "/out").write(files)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/out") == ["notes.txt"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
  }

  @Test func aFileOrALinkIsRefused() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/file"))
    try FileManager.default.createSymbolicLink(
      atPath: root + "/link", withDestinationPath: root + "/elsewhere")
    do {
      try BundleWriter(output: root + "/file").checkOutput()
      Issue.record("a file was accepted")
    } catch { #expect(error.description.contains("not a folder")) }
    do {
      try BundleWriter(output: root + "/link").checkOutput()
      Issue.record("a symbolic link was accepted")
    } catch { #expect(error.description.contains("symbolic link")) }
    #expect(!FileManager.default.fileExists(atPath: root + "/elsewhere"))
  }

  @Test func aMissingParentIsNamed() throws {
    do {
      try BundleWriter(output: "/no/such/parent/out").checkOutput()
      Issue.record("a missing parent was accepted")
    } catch { #expect(error.description.contains("/no/such/parent does not exist")) }
  }

  @Test func aFileNameWithASlashFailsAndLeavesNothing() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let bad = files + [EvidenceCollection.File(name: "../escape.json", contents: Data())]
    #expect(throws: BundleWriter.Failure.self) {
      try BundleWriter(output: root + "/out").write(bad)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
  }
}
