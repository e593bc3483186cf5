import Foundation
import TestSupport
import Testing

/// Answers files, evidence and logs with Windows (`\r\n`) or old Mac (`\r`) line endings read
/// like their `\n` versions.
@Suite struct LineEndingInputTests {
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-eol-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test(arguments: ["\r\n", "\r"])
  func anAnswersFile(ending: String) throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("answers.txt")
    try ["# answers", "heartbeat-off=no", "alpha-local=yes", ""].joined(separator: ending)
      .write(to: file, atomically: true, encoding: .utf8)
    let run = try Binary.run([
      "wizard", "alpha", "--answers-file", file.path, "--json", "--content", Binary.fixtureContent,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(
      (object["trail"] as? [[String: Any]])?.map { $0["answer"] as? String } == ["no", "yes"])
  }

  /// `diagnose --evidence` facts of a folder holding `files` of the real bundle, rewritten with `ending`.
  static func facts(_ files: [String], ending: String) throws -> [String] {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in files {
      let text = try Fixtures.text(name)
      try text.replacingOccurrences(of: "\n", with: ending).write(
        to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let run = try Binary.run([
      "diagnose", "--json", "--evidence", folder.path, "--content", Binary.shippedContent,
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
      "\(run.stderr)")
    return (object["facts"] as? [[String: Any]] ?? []).map {
      "\($0["id"] ?? ""): \($0["value"] ?? "")"
    }.sorted()
  }

  @Test(arguments: ["\r\n", "\r"])
  func evidenceGivesTheSameFacts(ending: String) throws {
    let files = [
      "rabbitmqctl-list_connections-a-full.txt", "sysctl-keepalive.txt", "ss-tlnp.txt",
      "broker-log-full.log",
    ]
    let unix = try Self.facts(files, ending: "\n")
    #expect(unix.count >= 8, "\(unix)")
    #expect(try Self.facts(files, ending: ending) == unix)
  }

  @Test(arguments: ["\r\n", "\r"])
  func aLogGivesTheSameScan(ending: String) throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("rabbit.log")
    try Fixtures.text("broker-log-full.log").replacingOccurrences(of: "\n", with: ending)
      .write(to: log, atomically: true, encoding: .utf8)
    let counts = { (path: String) throws -> String in
      let run = try Binary.run(["scan", "--json", path, "--content", Binary.shippedContent])
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      return
        "\(object["entries"] ?? "") \((object["guides"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? ""):\($0["count"] ?? "")" })"
    }
    #expect(try counts(log.path) == counts(try Fixtures.path("broker-log-full.log")))
  }
}
