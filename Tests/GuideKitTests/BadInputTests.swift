import Foundation
import Testing

@testable import GuideKit

/// Each kind of broken file gives one located error, and loading carries on with the rest.
@Suite struct BadInputTests {
  @Test func missingDirectory() {
    #expect(throws: ContentError(.missingDirectory, at: FileLocation(path: "/no/such/dir"))) {
      try ContentLoader.load(directory: "/no/such/dir")
    }
  }

  @Test func directoryWithoutGuides() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
      .path
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: empty) }
    #expect(throws: ContentError(.notAContentDirectory, at: FileLocation(path: empty))) {
      try ContentLoader.load(directory: empty)
    }
  }

  @Test func malformedYAMLNamesTheLine() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace("tags: [test]", with: "tags: [test", in: "guides/alpha.md")
    try scratch.expectOneError(in: "guides/alpha.md", line: 7, mentioning: "invalid YAML")
  }

  @Test func guideWithoutFrontMatter() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.write(Data("# Just Markdown\n".utf8), to: "guides/alpha.md")
    try scratch.expectOneError(
      in: "guides/alpha.md", line: 1, mentioning: "missing YAML front-matter")
  }

  @Test func unterminatedFrontMatter() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.write(Data("---\nid: alpha\n".utf8), to: "guides/alpha.md")
    try scratch.expectOneError(in: "guides/alpha.md", mentioning: "not closed")
  }

  @Test func nonUTF8FileNamesTheFirstBadByte() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    var bytes = Array("---\nschema: 1\nid: al".utf8)
    bytes += [0xC3, 0x28]
    try scratch.write(Data(bytes), to: "guides/alpha.md")
    let error = try scratch.expectOneError(
      in: "guides/alpha.md", line: 3, mentioning: "not valid UTF-8")
    #expect(error.location.column == 7)
  }

  @Test func unknownKeyIsATypoWithASuggestion() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace("summary:", with: "sumary:", in: "guides/alpha.md")
    let error = try scratch.expectOneError(
      in: "guides/alpha.md", line: 5, mentioning: "unknown key 'sumary'; did you mean 'summary'?")
    #expect(error.location.column == 1)
  }

  @Test func unknownNestedKeyIsLocated() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace(
      "    format: structured", with: "    format: structured\n    libary: pika",
      in: "guides/alpha.md")
    let error = try scratch.expectOneError(
      in: "guides/alpha.md", line: 11, mentioning: "unknown key 'libary'")
    #expect(error.location.column == 5)
    #expect(error.message.contains("did you mean 'library'?"))
  }

  @Test func invalidEnumValueListsTheChoices() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace("side: broker", with: "side: brokr", in: "guides/alpha.md")
    try scratch.expectOneError(
      in: "guides/alpha.md", line: 9, mentioning: "expected one of: broker, client")
  }

  @Test func wrongTypeSaysWhatWasExpected() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace("tags: [test]", with: "tags: test", in: "guides/alpha.md")
    try scratch.expectOneError(in: "guides/alpha.md", line: 6, mentioning: "'tags' must be a list")
  }

  @Test func duplicateKeyInYAML() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace("tags: [test]", with: "tags: [test]\ntags: [again]", in: "guides/alpha.md")
    try scratch.expectOneError(in: "guides/alpha.md", mentioning: "duplicate key 'tags'")
  }

  @Test func idMustEqualFileName() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace("id: alpha\n", with: "id: beta\n", in: "guides/alpha.md")
    let errors = try scratch.lint().filter { $0.severity == .error }
    #expect(
      errors.contains {
        $0.message.contains("must equal the file name 'alpha'") && $0.location.line == 3
      })
    #expect(errors.contains { $0.message.contains("duplicate guide id 'beta'") })
  }

  @Test func brokenFileDoesNotStopTheOthersLoading() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.write(Data("nothing".utf8), to: "guides/alpha.md")
    let loaded = try ContentLoader.load(directory: scratch.directory)
    #expect(loaded.library.guides.map(\.id) == ["beta"])
    #expect(loaded.errors.count == 1)
  }
}
