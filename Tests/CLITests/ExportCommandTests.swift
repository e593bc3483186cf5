import Foundation
import Testing

/// `rmq-doctor export html` as a user runs it: what it prints, what it refuses, and that two
/// runs (two processes, two hash seeds) write the same bytes.
@Suite struct ExportCommandTests {
  static func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-doctor-cli-export-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func contents(_ directory: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: directory) else { return files }
    for case let path as String in walker {
      files[path] = FileManager.default.contents(atPath: directory + "/" + path)
    }
    return files
  }

  @Test func writesTheSiteAndSaysWhere() throws {
    let out = try Self.temporaryDirectory() + "/site"
    let run = try Binary.run([
      "export", "html", out, "--content", Binary.shippedContent, "--base-url", "/kb/", "--title",
      "KB",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasPrefix("Wrote ") && run.stdout.contains("pages") && run.stdout.contains(out))
    #expect(run.stderr.isEmpty)
    let sitemap = try String(contentsOfFile: out + "/sitemap.xml", encoding: .utf8)
    #expect(sitemap.contains("<loc>/kb/guides/econnreset.html</loc>"))
    #expect(
      try String(contentsOfFile: out + "/index.html", encoding: .utf8).contains(
        "<title>Guides · KB</title>"))
  }

  @Test func twoRunsWriteTheSameBytes() throws {
    let parent = try Self.temporaryDirectory()
    for name in ["one", "two"] {
      let run = try Binary.run([
        "export", "html", parent + "/" + name, "--content", Binary.shippedContent,
      ])
      #expect(run.status == 0, "\(run.stderr)")
    }
    let one = Self.contents(parent + "/one")
    #expect(one.count > 40)
    #expect(one == Self.contents(parent + "/two"))
  }

  /// What the earlier export wrote and this one does not is gone; what someone else put in
  /// the folder (a CNAME for GitHub Pages) stays, and the export says so.
  @Test func replacesAnEarlierExportAndKeepsTheFilesItDidNotWrite() throws {
    let parent = try Self.temporaryDirectory()
    let out = parent + "/site"
    let content = parent + "/content"
    try FileManager.default.copyItem(atPath: Binary.fixtureContent, toPath: content)
    #expect(try Binary.run(["export", "html", out, "--content", content]).status == 0)
    #expect(FileManager.default.fileExists(atPath: out + "/tags/test.html"))
    try "docs.example.org\n".write(toFile: out + "/CNAME", atomically: true, encoding: .utf8)
    // Both guides' tag `test` becomes `renamed`: the page tags/test.html is no longer written.
    for guide in ["alpha", "beta"] {
      let path = content + "/guides/\(guide).md"
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try text.replacingOccurrences(of: "tags: [test]", with: "tags: [renamed]").write(
        toFile: path, atomically: true, encoding: .utf8)
    }
    let run = try Binary.run(["export", "html", out, "--content", content])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out + "/tags/test.html"))
    #expect(FileManager.default.fileExists(atPath: out + "/tags/renamed.html"))
    #expect(FileManager.default.contents(atPath: out + "/CNAME") == Data("docs.example.org\n".utf8))
    #expect(run.stdout.contains("Kept 1 file(s) the export does not write: CNAME"), "\(run.stdout)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["content", "site"])
  }

  @Test func refusesADirectoryThatIsNotAnExportAndTouchesNothing() throws {
    let parent = try Self.temporaryDirectory()
    let out = parent + "/mine"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
    try "keep me".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
    let run = try Binary.run(["export", "html", out, "--content", Binary.fixtureContent])
    Binary.expectOneLineError(run, containing: "not an earlier rmq-doctor export")
    #expect(run.stderr.contains(out))
    #expect(Self.contents(out) == ["notes.txt": Data("keep me".utf8)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["mine"])
  }

  @Test func refusesARegularFile() throws {
    let parent = try Self.temporaryDirectory()
    try "a file".write(toFile: parent + "/out", atomically: true, encoding: .utf8)
    let run = try Binary.run([
      "export", "html", parent + "/out", "--content", Binary.fixtureContent,
    ])
    Binary.expectOneLineError(run, containing: "not a directory")
    #expect(FileManager.default.contents(atPath: parent + "/out") == Data("a file".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
  }

  @Test func withoutAnOutputDirectoryPrintsUsage() throws {
    let run = try Binary.run(["export", "html"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("out"))
  }
}
