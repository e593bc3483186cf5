import ErrorSearch
import Foundation
import TestSupport
import Testing

/// The client-misuse captures (RabbitMQ 3.10.8, pika 1.4.4, kombu 5.7.0 and Celery 5.7.0, made by
/// `Tests/Fixtures/lab/capture-long-tail-clients.sh`): the first line of each capture that holds
/// a marker names `client-threading` or `client-recovery` with confidence, and a scan of the
/// captured output counts its entries under them.
@Suite struct LongTailClientCaptureTests {
  static let cases: [NodeCaptureTests.Case] = [
    .init(
      file: "longtail-client-pika-threads.txt", marker: "tx buffer size underflow",
      guide: "client-threading"),
    .init(
      file: "longtail-client-pika-threads.txt", marker: "pop from an empty deque",
      guide: "client-threading"),
    .init(
      file: "longtail-client-pika-threads.txt", marker: "got non content body frame instead",
      guide: "client-threading"),
    .init(
      file: "longtail-client-pika-threads.txt", marker: "expected _STATE_ABORTED_BY_USER",
      guide: "client-threading"),
    .init(
      file: "longtail-client-pika-threads.txt", marker: "but _tx_buffers is empty",
      guide: "client-threading"),
    .init(
      file: "longtail-client-pika-ack-thread.txt", marker: "Stream connection lost: IndexError",
      guide: "client-threading"),
    .init(
      file: "longtail-client-pika-ack-thread.txt", marker: "for unregistered channel",
      guide: "client-threading"),
    .init(
      file: "longtail-client-pika-ack-thread.txt", marker: "Timeout closed before call",
      guide: "client-threading"),
    .init(
      file: "longtail-client-pika-ack-thread.txt", marker: "_CallbackResult was not set",
      guide: "client-threading"),
    .init(
      file: "longtail-client-celery-reconnect.txt", marker: "Trying again in 2.00 seconds",
      guide: "client-recovery"),
    .init(
      file: "longtail-client-celery-reconnect.txt", marker: "late acknowledgement enabled",
      guide: "client-recovery"),
    .init(
      file: "longtail-client-kombu-reconnect.txt", marker: "Broker connection error, trying again",
      guide: "client-recovery"),
    .init(
      file: "longtail-client-kombu-reconnect.txt", marker: "Connection to broker lost, trying",
      guide: "client-recovery"),
  ]

  @Test(arguments: cases)
  func theCapturedLineNamesItsGuide(_ entry: NodeCaptureTests.Case) throws {
    try entry.expectNamed()
  }

  /// A 404 for a server-named queue of an earlier connection names client-recovery with
  /// confidence whatever the generated name: the search keeps only its `amq.gen-` prefix.
  @Test func aMissingServerNamedQueueNamesClientRecovery() throws {
    let text = try Fixtures.text("longtail-client-server-named.txt", in: Fixtures.captures)
    let line = try #require(
      text.split(separator: "\n").first { $0.contains("no queue 'amq.gen-") && !$0.hasPrefix("#") })
    for name in ["GekzJ20zAMWZyeGTNkXt5Q", "Qa9ZZbbYYccXXddWW11eeR"] {
      let pasted = line.replacing(/amq\.gen-[A-Za-z0-9_-]+/, with: "amq.gen-\(name)")
      let outcome = AlarmCaptureTests.index.search(String(pasted))
      #expect(
        outcome.results.first?.id == "client-recovery", "\(pasted) -> \(outcome.results.map(\.id))")
      #expect(outcome.confident, "\(pasted): the generated name is not one the guide quotes")
    }
  }

  /// The captured client output, scanned as the files they are, counts its entries under the
  /// guides.
  @Test(arguments: [
    ("longtail-client-pika-threads.txt", "client-threading", 5),
    ("longtail-client-pika-ack-thread.txt", "client-threading", 2),
    ("longtail-client-kombu-reconnect.txt", "client-recovery", 3),
  ])
  func theScannedCaptureCountsItsGuide(_ file: String, _ guide: String, _ least: Int) throws {
    let counts = ScanSupport.counts(
      ScanSupport.scan(paths: [try Fixtures.path(file, in: Fixtures.captures)]))
    #expect(
      (counts[guide] ?? 0) >= least,
      "\(file): \(guide) \(counts[guide] ?? 0) of \(least); \(counts)")
  }
}
