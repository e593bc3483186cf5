import Foundation
import TestSupport
import Testing

/// The trees of `client-threading` and `client-recovery`, walked through the real wizard: under a
/// pseudo-terminal with number keys, and scripted with `--answers` to every cause; each outcome
/// must show its cause and that cause's resolution steps. `scan` of the captured client output
/// counts its entries under both guides.
@Suite struct WizardLongTailClientTests {
  static let none = Fixtures.folder.appendingPathComponent("cli-cookie-bundle").path

  static let typed: [WizardWalk.Typed] = [
    WizardWalk.Typed(
      guide: "client-threading", keys: ["1", "1"],
      cause: "Several threads use one pika (or py-amqp) connection",
      steps: [
        "Find the connection or channel that several threads or processes reach",
        "Give each thread its own connection",
        "Hand acks and publishes back to the thread that owns the connection",
      ]),
    WizardWalk.Typed(
      guide: "client-threading", keys: ["1", "2"],
      cause: "Several threads use one Java or .NET channel",
      steps: ["Give each thread its own channel, or guard the channel with a lock"]),
    WizardWalk.Typed(
      guide: "client-threading", keys: ["3"],
      cause: "A connection opened before fork() is used by the child processes",
      steps: ["Open connections in each process after the fork"]),
    WizardWalk.Typed(
      guide: "client-recovery", keys: ["1"],
      cause: "The broker is still down or unreachable, so every attempt fails",
      steps: [
        "Read the reason inside the retry line, not the retry itself",
        "Make the retry interval and limit fit the outage you expect",
      ]),
    WizardWalk.Typed(
      guide: "client-recovery", keys: ["2", "1"],
      cause:
        "The application reuses the name of a server-named or exclusive queue after reconnecting",
      steps: [
        "Declare queues, bindings, QoS and consumers again on every new connection",
        "Use named queues for consumers that must survive a reconnect",
      ]),
    WizardWalk.Typed(
      guide: "client-recovery", keys: ["3"],
      cause: "The connection came back but the consumer (or its QoS) did not",
      steps: ["Check the broker's consumer list after a recovery"]),
  ]

  @Test(arguments: typed)
  func aWalkTypedOnATerminalEndsOnTheCauseWithItsSteps(_ walk: WizardWalk.Typed) throws {
    try walk.expectOutcome()
  }

  /// Every cause of both trees, reached by scripted answers.
  @Test(arguments: [
    (
      "client-threading", "threading-sharing-kind=publish-threads,threading-client-library=python",
      "threads-share-connection"
    ),
    (
      "client-threading",
      "threading-sharing-kind=publish-threads,threading-client-library=java-dotnet",
      "threads-share-channel"
    ),
    ("client-threading", "threading-sharing-kind=ack-threads", "acks-from-worker-threads"),
    ("client-threading", "threading-sharing-kind=fork", "connection-inherited-by-fork"),
    ("client-recovery", "recovery-state=retrying", "broker-still-unreachable"),
    ("client-recovery", "recovery-state=gave-up", "no-recovery-in-client"),
    ("client-recovery", "recovery-state=recovered-silent", "consumer-not-restored"),
    (
      "client-recovery", "recovery-state=recovered-with-errors,recovery-queue-kind=server-named",
      "stale-server-named-queue"
    ),
    (
      "client-recovery", "recovery-state=recovered-with-errors,recovery-queue-kind=named-durable",
      "topology-recovery-failed"
    ),
  ])
  func theTreeFollowsTheAnswers(_ guide: String, _ answers: String, _ cause: String) throws {
    let walked = try WizardWalk.walk(guide, evidence: Self.none, answers: answers)
    #expect(walked.causes == [cause], "\(walked.trail)")
  }

  /// The scripted outcome in text shows the cause's steps in the guide's order.
  @Test func theScriptedOutcomeShowsTheStepsInOrder() throws {
    let run = try Binary.run([
      "wizard", "client-threading", "--content", Binary.shippedContent, "--answers",
      "threading-sharing-kind=publish-threads,threading-client-library=python",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let steps = [
      "Find the connection or channel that several threads or processes reach",
      "Give each thread its own connection",
      "Hand acks and publishes back to the thread that owns the connection",
    ]
    let positions = steps.compactMap { run.stdout.range(of: $0)?.lowerBound }
    #expect(positions.count == steps.count, "\(run.stdout)")
    #expect(positions == positions.sorted())
  }

  /// `rmq-doctor scan --json` of the captured client output counts entries under each guide.
  @Test(arguments: [
    ("longtail-client-pika-threads.txt", "client-threading", 5),
    ("longtail-client-pika-ack-thread.txt", "client-threading", 2),
    ("longtail-client-kombu-reconnect.txt", "client-recovery", 3),
  ])
  func scanOfACaptureCountsItsGuide(_ file: String, _ guide: String, _ least: Int) throws {
    let path = Fixtures.captures.appendingPathComponent(file).path
    let run = try Binary.run(["scan", "--json", "--content", Binary.shippedContent, path])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let guides = object["guides"] as? [[String: Any]] ?? []
    let count = guides.first { $0["id"] as? String == guide }?["count"] as? Int ?? 0
    #expect(count >= least, "\(file): \(guide) \(count); \(guides)")
  }
}
