import Foundation
import TestSupport
import Testing

/// The wizard uses the queue or exchange a pasted error names: both sides of a declaration
/// mismatch, which side to change, and the object's listing when the evidence holds it.
@Suite struct WizardNamedResourceTests {
  /// The broker's real line for a queue declared durable, then not durable.
  static func redeclared() throws -> String {
    let text = try Fixtures.text("channel-redeclare.txt", in: Fixtures.captures)
    return try #require(
      text.split(separator: "\n").map(String.init).first {
        $0.contains("caused a channel exception")
      })
  }

  static let arguments = [
    "wizard", "alpha", "--content", Binary.fixtureContent, "--answers",
    "heartbeat-off=no,alpha-local=yes",
  ]

  @Test func theJSONCarriesBothValuesOfTheMismatch() throws {
    let run = try Binary.run(Self.arguments + ["--error", try Self.redeclared(), "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let named = try #require(object["named"] as? [String: Any], "\(run.stdout)")
    #expect(named["kind"] as? String == "queue")
    #expect(named["name"] as? String == "orders")
    let mismatch = try #require(named["mismatch"] as? [String: Any])
    #expect(mismatch["argument"] as? String == "durable")
    #expect(mismatch["current"] as? String == "true")
    #expect(mismatch["received"] as? String == "false")
  }

  @Test func theOutcomeSaysWhichSideToChange() throws {
    let run = try Binary.run(
      Self.arguments + ["--error", try Self.redeclared()], environment: ["COLUMNS": "200"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("The queue the error names"))
    #expect(run.stdout.contains("the existing queue: `durable` = `true`"), "\(run.stdout)")
    #expect(run.stdout.contains("this declaration: `durable` = `false`"))
    #expect(run.stdout.contains("change the declaring code to `durable` = `true`"))
  }

  @Test func anErrorThatNamesNothingAddsNothing() throws {
    let run = try Binary.run(
      Self.arguments + ["--error", "missed heartbeats from client, timeout: 60s", "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["named"] == nil)
  }

  @Test func theExistingQueueIsShownFromTheEvidence() throws {
    let bundle = Fixtures.folder.appendingPathComponent("channel-bundle").path
    let run = try Binary.run(
      [
        "wizard", "inequivalent-arg", "--content", Binary.shippedContent, "--evidence", bundle,
        "--answers", "inequivalent-which-arg=property,inequivalent-several-declarers=no",
        "--error", try Self.redeclared(),
      ], environment: ["COLUMNS": "200"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Likely cause: The declaring code changed"), "\(run.stdout)")
    #expect(
      run.stdout.contains("As listed by `rabbitmqctl-list-queues:rabbitmqctl-list_queues.txt`"),
      "\(run.stdout)")
    #expect(run.stdout.contains("orders\ttrue\tfalse\tfalse"), "\(run.stdout)")
  }
}
