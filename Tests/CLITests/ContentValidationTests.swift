import Foundation
import Testing

/// Content that `lint` rejects is refused by every command, with the lint line; warnings do not
/// block.
@Suite struct ContentValidationTests {
  /// A copy of the fixture content with `old` replaced by `new` in `file`.
  func content(replacing old: String, with new: String, in file: String = "guides/alpha.md") throws
    -> String
  {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("rmq-doctor-validation-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: Binary.fixtureContent, toPath: directory)
    let path = directory + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let range = try #require(text.range(of: old), "'\(old)' is not in \(file)")
    try text.replacingCharacters(in: range, with: new).write(
      toFile: path, atomically: true, encoding: .utf8)
    return directory
  }

  /// The answer of `second` that leads back to `first`.
  static let cycle = (old: "\"no\": { cause: heartbeats-off }", new: "\"no\": { next: first }")

  @Test func wizardRefusesATreeWithACycle() throws {
    let directory = try content(replacing: Self.cycle.old, with: Self.cycle.new)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try Binary.run([
      "wizard", "alpha", "--answers", "heartbeat-off=no,alpha-local=no", "--content", directory,
    ])
    Binary.expectOneLineError(
      run, containing: "guides/alpha.md:45:7: error: the tree has a cycle: first -> second -> first"
    )
    #expect(run.stdout.isEmpty, "\(run.stdout)")
  }

  @Test func exportRefusesATreeWithACycleAndWritesNothing() throws {
    let directory = try content(replacing: Self.cycle.old, with: Self.cycle.new)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let output = directory + "-site"
    let run = try Binary.run(["export", "html", output, "--content", directory])
    Binary.expectOneLineError(run, containing: "error: the tree has a cycle")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test(arguments: [
    (
      "id: alpha", "id: ../../x",
      "guides/alpha.md:3:5: error: id '../../x' must equal the file name 'alpha' (and 1 more"
    ),
    ("schema: 1", "schema: 2", "guides/alpha.md:2:9: error: unsupported schema 2"),
    (
      "title: \"Alpha: {socket_error,alpha}\"", "title: null",
      "guides/alpha.md:4:8: error: 'title' must be a string, found null"
    ),
  ])
  func listAndShowRefuse(old: String, new: String, line: String) throws {
    let directory = try content(replacing: old, with: new)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for arguments in [["list"], ["show", "beta"], ["show", "../../x"]] {
      let run = try Binary.run(arguments + ["--content", directory])
      Binary.expectOneLineError(run, containing: line)
      #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
    }
  }

  @Test func searchRefusesWithOrWithoutTheSavedIndex() throws {
    let directory = try content(replacing: "schema: 1", with: "schema: 2")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let cache = directory + "-cache"
    defer { try? FileManager.default.removeItem(atPath: cache) }
    for environment in [[:], ["RMQ_DOCTOR_CACHE": cache]] {
      let run = try Binary.run(
        ["search", "{socket_error,alpha}", "--content", directory], environment: environment)
      Binary.expectOneLineError(run, containing: "error: unsupported schema 2")
    }
  }

  @Test func aWarningDoesNotBlock() throws {
    // beta's related link to 'alpha' is left pointing at a guide that no longer exists.
    let directory = try content(replacing: "- id: alpha", with: "- id: gamma", in: "guides/beta.md")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let lint = try Binary.run(["lint", "--content", directory])
    #expect(lint.stdout.contains("warning: related guide 'gamma' does not exist"), "\(lint.stdout)")
    #expect(lint.status == 0)
    let run = try Binary.run(["list", "--content", directory])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("beta"))
  }
}
