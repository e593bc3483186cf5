import ErrorSearch
import Foundation
import LogScan
import TestSupport
import Testing

/// The live broker's own log through the MCP server: `scan_logs` and `search_error` answer as
/// `scan --json` and `search --json` do. The log grows while other suites run, so both read one
/// snapshot of it. Needs the broker `.ci/with-broker` starts (it sets `RMQ_DOCTOR_BROKER_LOG`);
/// off CI without it the test is skipped, under CI it fails.
@Suite("MCP on the live broker log")
struct MCPLiveLogTests {
  /// The broker log `.ci/with-broker` names, when it can be read.
  static func liveLog() throws -> String {
    let log = ProcessInfo.processInfo.environment["RMQ_DOCTOR_BROKER_LOG"] ?? ""
    if !log.isEmpty, FileManager.default.isReadableFile(atPath: log) { return log }
    let reason = log.isEmpty ? "RMQ_DOCTOR_BROKER_LOG is not set" : "cannot read \(log)"
    if MCPClient.underCI {
      throw Runner.Failure(description: "CI=true, and no live broker log: \(reason)")
    }
    try Test.cancel("live broker log tests skipped: \(reason) (run through .ci/with-broker)")
  }

  @Test("scan_logs and search_error on a snapshot of the live broker log equal the CLI's --json")
  func liveLogAgrees() throws {
    try MCPClient.require()
    let live = try Self.liveLog()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mcp-live-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let snapshot = folder.appendingPathComponent("rabbit.log")
    try Data(contentsOf: URL(fileURLWithPath: live)).write(to: snapshot)

    let text = try String(contentsOf: snapshot, encoding: .utf8)
    let lastLine = try #require(
      text.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
      "the live broker log is empty")

    let results = try MCPClient.session([
      MCPClient.call("scan_logs", ["paths": [snapshot.path]]),
      MCPClient.call("search_error", ["text": String(lastLine), "limit": 5]),
    ])
    let scanned = try JSONDecoder().decode(
      ScanReport.self, from: Data(try Runner.cli("scan", ["--json", snapshot.path]).stdout.utf8))
    #expect(scanned.entries > 0)
    #expect(try results[0].decode(ScanReport.self) == scanned)

    let searched = try Runner.cli("search", ["--json", "--limit", "5", "--", String(lastLine)])
    #expect(
      try results[1].decode(SearchReport.self)
        == JSONDecoder().decode(SearchReport.self, from: Data(searched.stdout.utf8)))
  }
}
