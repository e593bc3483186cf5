import Foundation
import Testing

@testable import GuideKit

/// Content written with Windows (`\r\n`) or old Mac (`\r`) line endings reads exactly like the
/// same content with `\n`: the same guides, and errors at the same lines.
@Suite struct LineEndingTests {
  /// Every content file of `scratch` rewritten with `ending`.
  static func convert(_ scratch: ScratchContent, to ending: String) throws {
    let enumerator = FileManager.default.enumerator(atPath: scratch.directory)
    while let file = enumerator?.nextObject() as? String {
      let path = scratch.directory + "/" + file
      guard file.hasSuffix(".md") || file.hasSuffix(".yaml") else { continue }
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try text.replacingOccurrences(of: "\n", with: ending).write(
        toFile: path, atomically: true, encoding: .utf8)
    }
  }

  @Test(arguments: ["\r\n", "\r"])
  func contentLoadsAsWithUnixEndings(ending: String) throws {
    let unix = try ScratchContent()
    let other = try ScratchContent()
    defer {
      unix.remove()
      other.remove()
    }
    try Self.convert(other, to: ending)
    let expected = try ContentLoader.load(directory: unix.directory)
    let loaded = try ContentLoader.load(directory: other.directory)
    #expect(loaded.errors.isEmpty, "\(loaded.errors)")
    #expect(loaded.library.guides.map(\.id) == expected.library.guides.map(\.id))
    #expect(loaded.library.guides.map(\.frontMatter) == expected.library.guides.map(\.frontMatter))
    #expect(
      loaded.library.guides.map(\.body.plainText) == expected.library.guides.map(\.body.plainText))
    #expect(try other.lint().isEmpty)
  }

  @Test(arguments: ["\r\n", "\r"])
  func anErrorIsReportedAtTheSameLine(ending: String) throws {
    let unix = try ScratchContent()
    let other = try ScratchContent()
    defer {
      unix.remove()
      other.remove()
    }
    for scratch in [unix, other] {
      try scratch.replace("  - id: beta\n", with: "  - id: gamma\n", in: "guides/alpha.md")
    }
    try Self.convert(other, to: ending)
    let expected = try unix.lint().map { "\($0.location.line):\($0.location.column) \($0.message)" }
    let found = try other.lint().map { "\($0.location.line):\($0.location.column) \($0.message)" }
    #expect(!expected.isEmpty)
    #expect(found == expected)
  }

  @Test func theConversionKeepsEveryLine() {
    #expect("a\r\nb\rc\nd\r\n".withUnixLineEndings == "a\nb\nc\nd\n")
    #expect("\r\r\n\r".withUnixLineEndings == "\n\n\n")
    #expect("no breaks".withUnixLineEndings == "no breaks")
  }
}
