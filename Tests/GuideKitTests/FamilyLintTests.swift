import Foundation
import Testing

@testable import GuideKit

/// `families.yaml` and each guide's `family:`: optional as a whole, checked when present.
@Suite struct FamilyLintTests {
  static let families = """
    schema: 1
    families:
      - id: tests
        title: Test guides
        summary: The guides of the fixture.
      - id: spare
        title: Spare
        summary: A family no guide names.

    """

  /// The fixture with `families.yaml` and both guides in family `tests`.
  static func grouped() throws -> ScratchContent {
    let scratch = try ScratchContent()
    try scratch.write(Data(families.utf8), to: "families.yaml")
    for guide in ["alpha", "beta"] {
      try scratch.replace(
        "tags: [test]\n", with: "tags: [test]\nfamily: tests\n", in: "guides/\(guide).md")
    }
    return scratch
  }

  @Test func contentWithoutFamiliesNeedsNone() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    #expect(try scratch.lint().filter { $0.severity == .error }.isEmpty)
    #expect(try ContentLoader.load(directory: scratch.directory).library.families == nil)
  }

  @Test func declaredFamiliesLoadInTheirOrder() throws {
    let scratch = try Self.grouped()
    defer { scratch.remove() }
    let library = try ContentLoader.load(directory: scratch.directory).library
    #expect(library.families?.value.families.map(\.id) == ["tests", "spare"])
    #expect(library.guide("alpha")?.frontMatter.family == "tests")
    #expect(library.family("tests")?.title == "Test guides")
    let findings = try scratch.lint()
    #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings)")
    // A family without guides is a warning, an error under --strict.
    let spare = findings.filter { $0.message.contains("no guide belongs to family 'spare'") }
    #expect(spare.count == 1 && spare.first?.severity == .warning, "\(findings)")
    #expect(spare.first?.location.path.hasSuffix("families.yaml") == true)
    #expect(spare.first?.location.line == 6)
  }

  @Test func aGuideOfAnUnknownFamilyIsAnError() throws {
    let scratch = try Self.grouped()
    defer { scratch.remove() }
    try scratch.replace("family: tests", with: "family: test", in: "guides/beta.md")
    let error = try scratch.expectOneError(
      in: "guides/beta.md", line: 7, mentioning: "unknown family 'test'")
    #expect(error.message.contains("tests"), "a suggestion: \(error)")
  }

  @Test func aGuideWithoutAFamilyIsAnErrorWhenFamiliesAreDeclared() throws {
    let scratch = try Self.grouped()
    defer { scratch.remove() }
    try scratch.replace("family: tests\n", with: "", in: "guides/alpha.md")
    try scratch.expectOneError(in: "guides/alpha.md", mentioning: "the guide names no family")
  }

  @Test func aFamilyWithoutFamiliesYAMLIsAnError() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace(
      "tags: [test]\n", with: "tags: [test]\nfamily: tests\n", in: "guides/alpha.md")
    try scratch.expectOneError(
      in: "guides/alpha.md", line: 7, mentioning: "declared nowhere: there is no families.yaml")
  }

  @Test func brokenFamiliesAreLocatedErrors() throws {
    let scratch = try Self.grouped()
    defer { scratch.remove() }
    try scratch.replace("  - id: spare", with: "  - id: Tests", in: "families.yaml")
    try scratch.expectOneError(
      in: "families.yaml", line: 6, mentioning: "family id 'Tests' is not kebab-case")
    try scratch.replace("  - id: Tests", with: "  - id: tests", in: "families.yaml")
    try scratch.expectOneError(
      in: "families.yaml", line: 6, mentioning: "family 'tests' is declared twice")
  }

  @Test func theFamilyIdOtherIsKept() throws {
    let scratch = try Self.grouped()
    defer { scratch.remove() }
    try scratch.replace("  - id: spare", with: "  - id: other", in: "families.yaml")
    try scratch.expectOneError(
      in: "families.yaml", line: 6, mentioning: "family id 'other' is kept")
  }

  @Test func anUnknownKeyInFamiliesYAMLIsAnError() throws {
    let scratch = try Self.grouped()
    defer { scratch.remove() }
    try scratch.replace("    title: Spare", with: "    titel: Spare", in: "families.yaml")
    let errors = try scratch.lint().filter { $0.severity == .error }
    let inFile = errors.filter { $0.location.path.hasSuffix("families.yaml") }
    #expect(inFile.count == 1 && inFile.first?.message.contains("titel") == true, "\(errors)")
    #expect(inFile.first?.location.line == 7, "\(errors)")
    // The guides are not checked against a file that did not load: one error, the file's.
    #expect(errors.count == 1, "\(errors)")
  }

  @Test func theShippedGuidesEachBelongToADeclaredFamily() throws {
    let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")
      .path
    let library = try ContentLoader.load(directory: content).library
    let families = try #require(library.families?.value.families)
    #expect(families.count >= 4)
    for guide in library.guides {
      let family = try #require(guide.frontMatter.family, "\(guide.id)")
      #expect(library.family(family) != nil, "\(guide.id): \(family)")
    }
    // Every family has guides.
    for family in families {
      #expect(library.guides.contains { $0.frontMatter.family == family.id }, "\(family.id)")
    }
  }
}
