import Foundation
import TestSupport
import Testing

/// `diagnose --evidence` on the real outputs of RabbitMQ 3.10.8 during a memory alarm with a
/// blocked publisher, and near its file descriptor limit.
@Suite struct DiagnoseAlarmBundleTests {
  func findings(_ folder: String) throws -> [[String: Any]] {
    let run = try Binary.run([
      "diagnose", "--json", "--evidence", folder, "--content", Binary.shippedContent,
    ])
    #expect(run.status == 1, "findings exit with 1: \(run.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    return object["findings"] as? [[String: Any]] ?? []
  }

  @Test func theMemoryAlarmIsReportedWithTheBlockedConnection() throws {
    let findings = try findings(Fixtures.folder.appendingPathComponent("alarm-bundle").path)
    let alarm = try #require(
      findings.first { $0["guide"] as? String == "memory-alarm" }, "\(findings)")
    #expect(
      alarm["message"] as? String
        == "memory alarm in effect on 1 node(s): publishers are blocked across the cluster; 1 connection(s) blocked or blocking"
    )
    let evidence = alarm["evidence"] as? [String] ?? []
    #expect(evidence.first == "Memory alarm on node rabbit@localhost")
    #expect(
      evidence.contains { $0.hasPrefix("127.0.0.1:") && $0.contains("\tblocked\tguest") },
      "\(evidence)")
    #expect(findings.contains { $0["guide"] as? String == "publishers-blocked" }, "\(findings)")
    #expect(!findings.contains { $0["guide"] as? String == "disk-alarm" }, "\(findings)")
  }

  @Test func aNodeAtItsSocketLimitIsReported() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-fd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let status = try Fixtures.text(
      "fd-limit-rabbitmq-diagnostics-status.txt", in: Fixtures.captures)
    try status.write(
      to: folder.appendingPathComponent("rabbitmq-diagnostics-status.txt"), atomically: true,
      encoding: .utf8)
    let findings = try findings(folder.path)
    let sockets = try #require(
      findings.first { $0["fact"] as? String == "sockets-used-percent" }, "\(findings)")
    #expect(sockets["guide"] as? String == "file-descriptor-limit")
    #expect(sockets["value"] as? Double == 100)
    #expect(sockets["evidence"] as? [String] == ["Sockets: 25, limit: 25"])
  }
}
