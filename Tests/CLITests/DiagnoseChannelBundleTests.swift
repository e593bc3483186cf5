import Foundation
import TestSupport
import Testing

/// `diagnose --evidence` on the real channel-state bundle of RabbitMQ 3.10.8: the user without a
/// write pattern is a finding that points to the channel-access-refused guide, with its row.
@Suite struct DiagnoseChannelBundleTests {
  @Test func aUserWithoutWriteIsAFinding() throws {
    let bundle = Fixtures.folder.appendingPathComponent("channel-bundle").path
    let run = try Binary.run([
      "diagnose", "--json", "--evidence", bundle, "--content", Binary.shippedContent,
    ])
    #expect(run.status == 1, "\(run.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let findings = object["findings"] as? [[String: Any]] ?? []
    let finding = try #require(
      findings.first { $0["guide"] as? String == "channel-access-refused" }, "\(findings)")
    #expect(finding["cause"] as? String == "permission-missing")
    #expect(
      (finding["evidence"] as? [String] ?? []).contains {
        $0.hasPrefix("rmq-doctor-nowrite\t.*\t\t.*")
      })
    #expect(findings.count == 1, "\(findings)")
  }

  @Test func aLoweredConsumerTimeoutIsAFinding() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-env-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // The real environment output with the timeout the live tests lower it to.
    let real = try Fixtures.text("rabbitmq-diagnostics-q-environment.txt")
    try #require(real.contains("{consumer_timeout,1800000}"))
    try real.replacingOccurrences(of: "{consumer_timeout,1800000}", with: "{consumer_timeout,5000}")
      .write(
        to: folder.appendingPathComponent("rabbitmq-diagnostics-q-environment.txt"),
        atomically: true, encoding: .utf8)
    let run = try Binary.run([
      "diagnose", "--json", "--evidence", folder.path, "--content", Binary.shippedContent,
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let findings = object["findings"] as? [[String: Any]] ?? []
    #expect(
      findings.contains {
        $0["guide"] as? String == "delivery-ack-timeout"
          && $0["cause"] as? String == "timeout-set-too-low"
      }, "\(findings)")
    // The unedited output has the default, which is no finding.
    try real.write(
      to: folder.appendingPathComponent("rabbitmq-diagnostics-q-environment.txt"), atomically: true,
      encoding: .utf8)
    let plain = try Binary.run([
      "diagnose", "--json", "--evidence", folder.path, "--content", Binary.shippedContent,
    ])
    let plainFindings =
      (try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])?[
        "findings"] as? [[String: Any]] ?? []
    #expect(!plainFindings.contains { $0["guide"] as? String == "delivery-ack-timeout" })
  }
}
