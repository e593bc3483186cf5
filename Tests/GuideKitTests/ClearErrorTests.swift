import Foundation
import Testing

@testable import GuideKit

/// Each load error names what was found and what was expected.
@Suite struct ClearErrorTests {
  static let title = "title: \"Alpha: {socket_error,alpha}\""

  @Test func aMappingWhereAStringBelongs() throws {
    let content = try ScratchContent()
    defer { content.remove() }
    try content.replace(Self.title, with: "title: {a: b}", in: "guides/alpha.md")
    let error = try content.expectOneError(in: "guides/alpha.md", line: 4, mentioning: "'title'")
    #expect(error.message == "'title' must be a string, found a mapping")
  }

  @Test func aListWhereANumberBelongs() throws {
    let content = try ScratchContent()
    defer { content.remove() }
    try content.replace("schema: 1", with: "schema: [1]", in: "guides/alpha.md")
    let error = try content.expectOneError(in: "guides/alpha.md", line: 2, mentioning: "'schema'")
    #expect(error.message == "'schema' must be a number, found a list")
  }

  @Test func anAliasIsNamedAndLocatedWhereItIsUsed() throws {
    let content = try ScratchContent()
    defer { content.remove() }
    // The anchored list comes first in the file, so that the alias after it is decoded first.
    try content.replace(Self.title, with: "tags: &t [test]\ntitle: *t", in: "guides/alpha.md")
    try content.replace("\ntags: [test]", with: "", in: "guides/alpha.md")
    let error = try content.expectOneError(in: "guides/alpha.md", line: 5, mentioning: "'title'")
    #expect(error.message == "'title' must be a string, found an alias of a list from line 4")
  }

  @Test func aTagIsNamed() throws {
    let content = try ScratchContent()
    defer { content.remove() }
    try content.replace(
      Self.title, with: "title: !!python/object:os.system {a: b}", in: "guides/alpha.md")
    let error = try content.expectOneError(in: "guides/alpha.md", line: 4, mentioning: "'title'")
    #expect(
      error.message == "'title' must be a string, found a mapping tagged !!python/object:os.system")
  }

  @Test(arguments: ["title: null", "title: ~", "title:"])
  func aNullWhereAStringIsRequired(line: String) throws {
    let content = try ScratchContent()
    defer { content.remove() }
    try content.replace(Self.title, with: line, in: "guides/alpha.md")
    let error = try content.expectOneError(in: "guides/alpha.md", line: 4, mentioning: "'title'")
    #expect(error.message == "'title' must be a string, found null")
  }
}

/// A guide that is not a regular file is named as such and never read.
@Suite(.timeLimit(.minutes(1))) struct NotARegularFileTests {
  func expectRefused(
    _ make: (String) throws -> Void, kind: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let content = try ScratchContent()
    defer { content.remove() }
    let path = content.directory + "/guides/gamma.md"
    try make(path)
    let result = try ContentLoader.load(directory: content.directory)
    let error = try #require(result.errors.first, sourceLocation: sourceLocation)
    #expect(result.errors.count == 1, "\(result.errors)", sourceLocation: sourceLocation)
    #expect(
      error.description == "\(path): \(kind), not a regular file", sourceLocation: sourceLocation)
    #expect(result.library.guides.map(\.id) == ["alpha", "beta"], sourceLocation: sourceLocation)
  }

  @Test func aFIFO() throws {
    try expectRefused({ path in #expect(mkfifo(path, 0o644) == 0) }, kind: "a FIFO")
  }

  @Test func aLinkToDevZero() throws {
    try expectRefused(
      { path in
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
      },
      kind: "a character device")
  }

  @Test func aDirectory() throws {
    try expectRefused(
      { path in
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
      },
      kind: "a directory")
  }
}
