import ErrorSearch
import Foundation
import TestSupport
import Testing

@testable import LogScan

/// The channel family's real captures (RabbitMQ 3.10.8, pika 1.4.4, kombu 5.7.0): the broker log
/// of each run scanned gives its guide, and the client's own report of the error names the
/// same guide with confidence.
@Suite struct ChannelCaptureTests {
  /// Capture file, the guide of its error, and how many of its broker entries belong to it.
  static let captures: [(file: String, guide: String, entries: Int)] = [
    ("channel-redeclare.txt", "inequivalent-arg", 1),
    ("channel-redeclare-type.txt", "inequivalent-arg", 1),
    ("channel-redeclare-args.txt", "inequivalent-arg", 1),
    ("channel-passive-missing.txt", "not-found", 1),
    ("channel-consume-missing.txt", "not-found", 1),
    ("channel-publish-missing.txt", "not-found", 1),
    ("channel-bind-missing.txt", "not-found", 1), ("channel-exclusive.txt", "resource-locked", 1),
    ("channel-exclusive-consumer.txt", "channel-access-refused", 1),
    ("channel-reserved-name.txt", "channel-access-refused", 1),
    ("channel-publish.txt", "channel-access-refused", 1),
    ("channel-double-ack.txt", "unknown-delivery-tag", 1),
    ("channel-ack-never.txt", "delivery-ack-timeout", 2),
    ("channel-oversized.txt", "frame-error", 1), ("channel-frame-too-large.txt", "frame-error", 1),
    ("channel-publish-no-header.txt", "frame-error", 1),
    ("channel-reuse-channel.txt", "channel-closed", 1),
  ]

  /// The capture's two sections.
  static func sections(_ file: String) throws -> (client: [String], broker: String) {
    let text = try Fixtures.text(file, in: Fixtures.captures)
    let parts = text.components(separatedBy: "## broker log\n")
    try #require(parts.count == 2, "\(file) has no broker log section")
    let client = parts[0].components(separatedBy: "## client\n").last ?? ""
    return (client.split(separator: "\n").map(String.init), parts[1])
  }

  @Test(arguments: captures.map(\.file))
  func theScannedBrokerLogCountsTheErrorUnderItsGuide(file: String) throws {
    let expected = try #require(Self.captures.first { $0.file == file })
    let report = ScanSupport.scan(try Self.sections(file).broker)
    #expect(
      (ScanSupport.counts(report)[expected.guide] ?? 0) >= expected.entries,
      "\(file): \(ScanSupport.counts(report))")
    #expect(report.unclassified == 0, "\(file): \(report.unclassifiedShapes.map(\.shape))")
  }

  @Test(arguments: captures.map(\.file))
  func theClientsReportNamesTheGuide(file: String) throws {
    let expected = try #require(Self.captures.first { $0.file == file })
    let lines = try Self.sections(file).client
    // The exception the client raised for the error, else pika's log line about the close.
    let report = try #require(
      lines.last { $0.contains("ClosedByBroker: (") }
        ?? lines.first { $0.contains("Received remote Channel.Close") },
      "\(file): no client report")
    let text = report.replacing(#/^\d\d:\d\d:\d\d \[\d+\] /#, with: "")
    let index = SearchIndex(documents: ScanSupport.library?.searchDocuments ?? [])
    let outcome = index.search(text)
    #expect(
      outcome.results.first?.id == expected.guide,
      "\(file): \(text) -> \(outcome.results.map(\.id))")
    #expect(outcome.confident, "\(file): \(text)")
  }

  @Test func aBarePreconditionFailedIsNotConfidentAndListsTheGuidesItMayBe() throws {
    let index = SearchIndex(documents: ScanSupport.library?.searchDocuments ?? [])
    let outcome = index.search("PRECONDITION_FAILED")
    #expect(!outcome.confident)
    let listed = Set(outcome.results.map(\.id))
    for guide in [
      "inequivalent-arg", "delivery-ack-timeout", "unknown-delivery-tag", "frame-error",
    ] {
      #expect(listed.contains(guide), "\(guide) is not among \(outcome.results.map(\.id))")
    }
  }

  @Test func theTextAfterPreconditionFailedDecides() throws {
    let index = SearchIndex(documents: ScanSupport.library?.searchDocuments ?? [])
    for (text, guide) in [
      (
        "PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'jobs' in vhost '/': received 'true' but current is 'false'",
        "inequivalent-arg"
      ),
      (
        "PRECONDITION_FAILED - delivery acknowledgement on channel 3 timed out. Timeout value used: 1800000 ms",
        "delivery-ack-timeout"
      ),
      ("PRECONDITION_FAILED - unknown delivery tag 42", "unknown-delivery-tag"),
      (
        "PRECONDITION_FAILED - message size 200000000 is larger than configured max size 134217728",
        "frame-error"
      ),
    ] {
      let outcome = index.search(text)
      #expect(
        outcome.results.first?.id == guide && outcome.confident,
        "\(text) -> \(outcome.results.map(\.id)), confident \(outcome.confident)")
    }
  }
}
