import Foundation
import SiteExport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A re-export replaces exactly the files the earlier export wrote: others (a `CNAME`, a
/// `.nojekyll`, a page made by hand) stay, files changed by hand stay unless `force`, and a
/// marker that does not belong to the folder is refused.
@Suite struct ReExportTests {
  static let site = [
    SiteFile("index.html", text: "<p>index</p>"), SiteFile("guides/a.html", text: "a"),
    SiteFile("guides/b.html", text: "b"),
  ]

  func exported() throws -> (parent: String, writer: SiteWriter) {
    let parent = try TestSite.temporaryDirectory()
    let writer = SiteWriter(output: parent + "/out")
    try writer.write(Self.site)
    return (parent, writer)
  }

  func text(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func filesTheExportDidNotWriteAreKept() throws {
    let (parent, writer) = try exported()
    try "docs.example.org\n".write(toFile: parent + "/out/CNAME", atomically: true, encoding: .utf8)
    FileManager.default.createFile(atPath: parent + "/out/.nojekyll", contents: Data())
    try "mine".write(toFile: parent + "/out/guides/notes.txt", atomically: true, encoding: .utf8)
    // The next site no longer has guides/b.html.
    let report = try writer.write([
      SiteFile("index.html", text: "<p>new</p>"), SiteFile("guides/a.html", text: "a2"),
    ])
    #expect(report.kept == [".nojekyll", "CNAME", "guides/notes.txt"])
    #expect(report.changedKept.isEmpty && report.changedReplaced.isEmpty)
    #expect(text(parent + "/out/CNAME") == "docs.example.org\n")
    #expect(text(parent + "/out/guides/notes.txt") == "mine")
    #expect(FileManager.default.fileExists(atPath: parent + "/out/.nojekyll"))
    #expect(text(parent + "/out/index.html") == "<p>new</p>")
    #expect(!FileManager.default.fileExists(atPath: parent + "/out/guides/b.html"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
  }

  @Test func aFileChangedByHandIsKeptAndReportedUnlessForced() throws {
    let (parent, writer) = try exported()
    try "<p>edited</p>".write(toFile: parent + "/out/index.html", atomically: true, encoding: .utf8)
    let kept = try writer.write(Self.site)
    #expect(kept.changedKept == ["index.html"])
    #expect(text(parent + "/out/index.html") == "<p>edited</p>")
    // Still reported by the next export: the marker keeps the hash the export wrote.
    let again = try writer.write(Self.site)
    #expect(again.changedKept == ["index.html"])
    let forced = try writer.write(Self.site, force: true)
    #expect(forced.changedReplaced == ["index.html"])
    #expect(text(parent + "/out/index.html") == "<p>index</p>")
    #expect(try writer.write(Self.site) == SiteWriter.Report())
  }

  @Test func aMarkerCopiedIntoAnotherFolderIsRefusedAndNothingIsTouched() throws {
    let (parent, _) = try exported()
    let other = parent + "/other"
    try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
    try "my page".write(toFile: other + "/index.html", atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      atPath: parent + "/out/" + SiteWriter.markerName, toPath: other + "/" + SiteWriter.markerName)
    let before = TestSite.snapshot(other)
    let error = try #require(throws: ExportError.self) {
      try SiteWriter(output: other).write(Self.site)
    }
    #expect(error.reason == .markerDoesNotMatch(listed: 3))
    #expect(error.description.contains("none of them is there as the export wrote it"), "\(error)")
    #expect(TestSite.snapshot(other) == before)
  }

  @Test func aMarkerThatIsNotOneIsRefused() throws {
    let parent = try TestSite.temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: parent + "/out", withIntermediateDirectories: false)
    try "{}".write(
      toFile: parent + "/out/" + SiteWriter.markerName, atomically: true, encoding: .utf8)
    try "mine".write(toFile: parent + "/out/index.html", atomically: true, encoding: .utf8)
    let error = try #require(throws: ExportError.self) {
      try SiteWriter(output: parent + "/out").write(Self.site)
    }
    #expect(error.reason == .markerDoesNotMatch(listed: 0))
    #expect(text(parent + "/out/index.html") == "mine")
  }

  /// Exports made before the marker listed its files: their files are the export's own
  /// top-level names; anything else stays.
  @Test func anExportWithTheFormerMarkerIsReplacedAndItsOtherFilesKept() throws {
    let parent = try TestSite.temporaryDirectory()
    let out = parent + "/out"
    try FileManager.default.createDirectory(
      atPath: out + "/guides", withIntermediateDirectories: true)
    try
      "This directory was written by 'rmq-doctor export html' and is replaced by the next export.\n"
      .write(toFile: out + "/" + SiteWriter.markerName, atomically: true, encoding: .utf8)
    try "old".write(toFile: out + "/index.html", atomically: true, encoding: .utf8)
    try "old c".write(toFile: out + "/guides/c.html", atomically: true, encoding: .utf8)
    try "docs.example.org".write(toFile: out + "/CNAME", atomically: true, encoding: .utf8)
    let report = try SiteWriter(output: out).write(Self.site)
    #expect(report.kept == ["CNAME"])
    #expect(text(out + "/index.html") == "<p>index</p>")
    #expect(!FileManager.default.fileExists(atPath: out + "/guides/c.html"))
    #expect(text(out + "/CNAME") == "docs.example.org")
  }

  @Test func theSameSiteGivesTheSameBytes() throws {
    let (parent, writer) = try exported()
    let first = TestSite.snapshot(parent + "/out")
    try writer.write(Self.site)
    #expect(TestSite.snapshot(parent + "/out") == first)
    #expect(
      first[SiteWriter.markerName].map { String(decoding: $0, as: UTF8.self) }?.contains(
        "\"guides/a.html\" : \"ca978112") == true)
  }

  @Test func anExportWhileAnotherHoldsTheLockSaysSoAndTouchesNothing() throws {
    let (parent, writer) = try exported()
    let before = TestSite.snapshot(parent + "/out")
    let descriptor = open(writer.lockPath, O_RDWR | O_CREAT, 0o644)
    #expect(descriptor >= 0)
    #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    let error = try #require(throws: ExportError.self) {
      try writer.write([SiteFile("index.html", text: "other")])
    }
    #expect(error.reason == .busy)
    #expect(
      error.description
        == "\(parent)/out: another export into it is running; try again when it has finished")
    _ = unlink(writer.lockPath)
    close(descriptor)
    #expect(TestSite.snapshot(parent + "/out") == before)
  }

  /// Two exports at once into one folder: each either completes or says the other is running,
  /// and the folder ends as one complete site with the file someone added.
  @Test func racingExportsLoseNothing() async throws {
    let (parent, _) = try exported()
    try "docs.example.org".write(toFile: parent + "/out/CNAME", atomically: true, encoding: .utf8)
    let big = (0..<3000).map {
      SiteFile("guides/g\($0).html", text: String(repeating: "x", count: 512))
    }
    let outcomes = await withTaskGroup(of: String.self) { group in
      for label in ["one", "two"] {
        group.addTask {
          do {
            try SiteWriter(output: parent + "/out").write(
              big + [SiteFile("index.html", text: label)])
            return "written"
          } catch let error as ExportError {
            return error.reason == .busy ? "busy" : "failed: \(error)"
          } catch {
            return "failed: \(error)"
          }
        }
      }
      var all: [String] = []
      for await outcome in group { all.append(outcome) }
      return all
    }
    #expect(outcomes.contains("written"), "\(outcomes)")
    #expect(outcomes.allSatisfy { $0 == "written" || $0 == "busy" }, "\(outcomes)")
    #expect(["one", "two"].contains(text(parent + "/out/index.html") ?? ""))
    #expect(text(parent + "/out/CNAME") == "docs.example.org")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: parent + "/out/guides").count == 3000)
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
  }

  /// An export killed between its two renames left the earlier site aside and no output: the
  /// next export puts it back first, so its files are kept as always.
  @Test func anEarlierSiteLeftAsideIsPutBack() throws {
    let (parent, writer) = try exported()
    try "docs.example.org".write(toFile: parent + "/out/CNAME", atomically: true, encoding: .utf8)
    let dead = try StaleStagingTests.deadProcess()
    #expect(rename(parent + "/out", parent + "/.out.old-\(dead)-1") == 0)
    let report = try writer.write(Self.site)
    #expect(report.kept == ["CNAME"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
  }
}
