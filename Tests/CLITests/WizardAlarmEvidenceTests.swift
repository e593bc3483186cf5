import Foundation
import TestSupport
import Testing

/// The alarms family's trees, answered from real RabbitMQ 3.10.8 outputs: the evidence says
/// which alarm holds, so the wizard needs no answer for it.
@Suite struct WizardAlarmEvidenceTests {
  func walk(_ guide: String, evidence: String, answers: String) throws -> (
    causes: [String], trail: [[String: Any]]
  ) {
    let run = try Binary.run([
      "wizard", guide, "--content", Binary.shippedContent, "--evidence", evidence, "--answers",
      answers, "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
      "\(run.stdout)")
    let causes = (object["causes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    return (causes, object["trail"] as? [[String: Any]] ?? [])
  }

  static let bundle = Fixtures.folder.appendingPathComponent("alarm-bundle").path

  @Test func aBlockedPublisherIsSentToTheMemoryAlarm() throws {
    // The answer given is for a question this path never reaches.
    let walked = try walk(
      "publishers-blocked", evidence: Self.bundle, answers: "blocked-gave-up-early=no")
    #expect(walked.causes == ["memory-alarm-in-effect"])
    let first = try #require(walked.trail.first)
    #expect(first["question"] as? String == "blocked-which-alarm")
    #expect(first["answer"] as? String == "memory")
    #expect(first["automatic"] as? Bool == true)
  }

  @Test func aBlockedPublisherIsSentToTheDiskAlarm() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-disk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let status = try Fixtures.text(
      "alarm-disk-rabbitmq-diagnostics-status.txt", in: Fixtures.captures)
    try status.write(
      to: folder.appendingPathComponent("rabbitmq-diagnostics-status.txt"), atomically: true,
      encoding: .utf8)
    let walked = try walk(
      "publishers-blocked", evidence: folder.path, answers: "blocked-gave-up-early=no")
    #expect(walked.causes == ["disk-alarm-in-effect"], "\(walked.trail)")
  }

  /// The capture's alarm came from a watermark of 0.0001: status shows memory used at about
  /// 5,000% of the watermark, and the wizard answers both questions from the evidence.
  @Test func theMemoryAlarmOfTheCaptureIsAWatermarkSetTooLow() throws {
    // The answer given is for a question this path never reaches.
    let walked = try walk(
      "memory-alarm", evidence: Self.bundle, answers: "memory-queue-contents=ready")
    #expect(walked.causes == ["watermark-too-low"])
    let answered = walked.trail.map {
      "\($0["question"] as? String ?? "")=\($0["answer"] as? String ?? "")"
    }
    #expect(
      answered == ["memory-alarm-now=yes", "memory-watermark-fits=too-low"], "\(walked.trail)")
    #expect(walked.trail.allSatisfy { $0["automatic"] as? Bool == true })
  }
}
