import Foundation
import SiteExport
import Testing

/// The site is built beside the output and moved into place only when complete; only a
/// missing or empty directory or an earlier export is replaced.
@Suite struct AtomicWriteTests {
  static let files = [
    SiteFile("index.html", text: "<p>new</p>"), SiteFile("guides/a.html", text: "a"),
  ]

  /// The names in `parent` other than `kept`: temporary directories left behind.
  static func leftovers(in parent: String, besides kept: Set<String>) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: parent).filter { !kept.contains($0) }
  }

  @Test func writesIntoAMissingDirectory() throws {
    let parent = try TestSite.temporaryDirectory()
    try SiteWriter(output: parent + "/out").write(Self.files)
    #expect(
      FileManager.default.contents(atPath: parent + "/out/index.html") == Data("<p>new</p>".utf8))
    #expect(FileManager.default.fileExists(atPath: parent + "/out/" + SiteWriter.markerName))
    #expect(try Self.leftovers(in: parent, besides: ["out"]).isEmpty)
  }

  @Test func replacesAnEmptyDirectoryAndAnEarlierExport() throws {
    let parent = try TestSite.temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: parent + "/out", withIntermediateDirectories: false)
    let writer = SiteWriter(output: parent + "/out")
    #expect(try writer.checkOutput() == .empty)
    try writer.write([SiteFile("old-only.html", text: "old")] + Self.files)
    #expect(try writer.checkOutput() == .earlierExport)
    try writer.write(Self.files)
    #expect(!FileManager.default.fileExists(atPath: parent + "/out/old-only.html"))
    #expect(FileManager.default.fileExists(atPath: parent + "/out/guides/a.html"))
    #expect(try Self.leftovers(in: parent, besides: ["out"]).isEmpty)
  }

  @Test func refusesADirectoryThatIsNotAnExport() throws {
    let parent = try TestSite.temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: parent + "/out", withIntermediateDirectories: false)
    try "mine".write(toFile: parent + "/out/notes.txt", atomically: true, encoding: .utf8)
    let error = try #require(throws: ExportError.self) {
      try SiteWriter(output: parent + "/out").write(Self.files)
    }
    #expect(error.reason == .outputNotAnExport)
    #expect(error.description.contains(parent + "/out"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/out") == ["notes.txt"])
    #expect(try Self.leftovers(in: parent, besides: ["out"]).isEmpty)
  }

  @Test func refusesARegularFile() throws {
    let parent = try TestSite.temporaryDirectory()
    try "mine".write(toFile: parent + "/out", atomically: true, encoding: .utf8)
    let error = try #require(throws: ExportError.self) {
      try SiteWriter(output: parent + "/out").write(Self.files)
    }
    #expect(error.reason == .outputIsNotADirectory)
    #expect(FileManager.default.contents(atPath: parent + "/out") == Data("mine".utf8))
    #expect(try Self.leftovers(in: parent, besides: ["out"]).isEmpty)
  }

  @Test func refusesASymlinkToADirectoryNamingWhereItPoints() throws {
    let parent = try TestSite.temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: parent + "/real", withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: parent + "/out", withDestinationPath: parent + "/real")
    let error = try #require(throws: ExportError.self) {
      try SiteWriter(output: parent + "/out").write(Self.files)
    }
    #expect(error.reason == .outputIsASymlink(target: parent + "/real"))
    #expect(
      error.description
        == "\(parent)/out: a symbolic link to '\(parent)/real', not a directory; "
        + "give the directory itself (\(parent)/real)")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/out") == parent + "/real"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/real").isEmpty)
    #expect(try Self.leftovers(in: parent, besides: ["out", "real"]).isEmpty)
  }

  @Test func aFailureMidWriteLeavesTheEarlierExportAndNoTemporaryDirectory() throws {
    let parent = try TestSite.temporaryDirectory()
    let writer = SiteWriter(output: parent + "/out")
    try writer.write(Self.files)
    let before = TestSite.snapshot(parent + "/out")
    // `guides/a.html` is a file, so `guides/a.html/b.html` cannot be written: the export fails
    // after some files were already written into the temporary directory.
    let broken = Self.files + [SiteFile("guides/a.html/b.html", text: "b")]
    #expect(throws: ExportError.self) { try writer.write(broken) }
    #expect(TestSite.snapshot(parent + "/out") == before)
    #expect(try Self.leftovers(in: parent, besides: ["out"]).isEmpty)
  }

  @Test func aFailureIntoAMissingDirectoryLeavesNothing() throws {
    let parent = try TestSite.temporaryDirectory()
    let broken = Self.files + [SiteFile("guides/a.html/b.html", text: "b")]
    #expect(throws: ExportError.self) { try SiteWriter(output: parent + "/out").write(broken) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent).isEmpty)
  }
}
