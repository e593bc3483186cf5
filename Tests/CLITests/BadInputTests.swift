import Foundation
import Testing

/// Every kind of bad input a user can give ends in one clear line on stderr and a non-zero exit.
@Suite struct CLIBadInputTests {
  /// A copy of the fixture content with one file replaced.
  func brokenContent(file: String, contents: Data) throws -> String {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("rmq-doctor-cli-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: Binary.fixtureContent, toPath: directory)
    try contents.write(to: URL(fileURLWithPath: directory + "/" + file))
    return directory
  }

  @Test func unknownIDSuggestsTheClosest() throws {
    let run = try Binary.run(["show", "alpah", "--content", Binary.fixtureContent])
    Binary.expectOneLineError(run, containing: "no guide with id 'alpah'; did you mean 'alpha'?")
    #expect(run.status == 1)
  }

  @Test func missingContentDirectory() throws {
    let run = try Binary.run(["list", "--content", "/no/such/content"])
    Binary.expectOneLineError(run, containing: "/no/such/content: no such content directory")
  }

  @Test func malformedYAML() throws {
    let directory = try brokenContent(
      file: "guides/alpha.md", contents: Data("---\nid: [alpha\n---\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try Binary.run(["show", "beta", "--content", directory])
    Binary.expectOneLineError(run, containing: "guides/alpha.md:3:1: error: invalid YAML")
  }

  @Test func guideWithoutFrontMatter() throws {
    let directory = try brokenContent(file: "guides/alpha.md", contents: Data("# Title\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try Binary.run(["list", "--content", directory])
    Binary.expectOneLineError(
      run, containing: "guides/alpha.md:1:1: error: missing YAML front-matter")
  }

  @Test func nonUTF8File() throws {
    let directory = try brokenContent(
      file: "guides/alpha.md", contents: Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE]))
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try Binary.run(["show", "alpha", "--content", directory])
    Binary.expectOneLineError(
      run, containing: "guides/alpha.md:2:1: error: the file is not valid UTF-8")
  }

  @Test func lintReportsEveryBrokenFileAndExitsOne() throws {
    let directory = try brokenContent(file: "guides/alpha.md", contents: Data("# Title\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try Binary.run(["lint", "--content", directory])
    #expect(run.status == 1)
    #expect(run.stdout.contains("guides/alpha.md:1:1: error: missing YAML front-matter"))
    #expect(run.stdout.contains("1 errors"))
  }

  @Test func unknownFormatIsAUsageError() throws {
    let run = try Binary.run([
      "show", "alpha", "--format", "pdf", "--content", Binary.fixtureContent,
    ])
    #expect(run.status == 2)
    #expect(run.stderr.contains("The value 'pdf' is invalid for '--format <format>'"))
  }
}
