import ErrorSearch
import Foundation
import GuideKit
import TestSupport
import Testing

/// Real broker log excerpts (Tests/Fixtures/broker-3.10) pasted whole: the routine `[info]`
/// lines around the error weigh less than the error, so the paste gets the error line's answer.
@Suite struct PasteLevelSearchTests {
  static let index = Result { try DevSetAccuracyTests.index() }

  /// The lines of a capture from the first that contains `from`, `count` lines.
  static func excerpt(_ file: String, from marker: String, count: Int) throws -> [String] {
    let lines = try Fixtures.text(file).split(separator: "\n").map(String.init)
    let start = try #require(lines.firstIndex { $0.contains(marker) }, "no \(marker) in \(file)")
    return Array(lines[start..<min(start + count, lines.count)])
  }

  /// A paste of a connection's whole story, `[info]` lines included, is answered as its
  /// `[error]` lines alone are.
  @Test(arguments: [
    ("broker-log-h3-unknown-vhost.log", "accepting AMQP connection", 5),
    ("broker-log-e-missed-heartbeats.log", "accepting AMQP connection", 5),
    ("broker-log-h1-wrong-password.log", "accepting AMQP connection", 4),
  ])
  func theErrorLinesDecide(file: String, marker: String, count: Int) throws {
    let index = try Self.index.get()
    let lines = try Self.excerpt(file, from: marker, count: count)
    let errors = lines.filter { $0.contains("[error]") }
    try #require(!errors.isEmpty && errors.count < lines.count, "\(file): no mix of levels")
    let whole = index.search(lines.joined(separator: "\n"))
    let alone = index.search(errors.joined(separator: "\n"))
    #expect(alone.confident, "\(file): the error lines alone are not confident")
    #expect(whole.results.first?.id == alone.results.first?.id)
    #expect(whole.confident == alone.confident)
    // The same paste escaped into one JSON string reads the same.
    let escaped = lines.joined(separator: "\\n").replacingOccurrences(of: "'", with: "\\u0027")
    #expect(index.search(escaped).results.first?.id == alone.results.first?.id)
  }

  /// A client's exception pasted with the broker log of the same seconds
  /// (captures/connection-forced-vhost-deleted.txt): ten `[info]` lines about the vhost being
  /// deleted would drown the client's `CONNECTION_FORCED` line. With their markers they weigh
  /// less and the answer is confident; the same lines without markers count in full and it is not.
  @Test func routineLinesNoLongerDrownTheError() throws {
    let index = try Self.index.get()
    let text = try Fixtures.text("connection-forced-vhost-deleted.txt", in: Fixtures.captures)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(
      lines.firstIndex { $0.contains("Unexpected connection close detected") })
    let end = try #require(lines.firstIndex { $0.contains("Stopping message store") })
    let paste = lines[start...end].filter { !$0.hasPrefix("=====") }
    try #require(paste.filter { $0.contains("[info]") }.count >= 8)
    let marked = index.search(paste.joined(separator: "\n"))
    #expect(marked.results.first?.id == "connection-forced")
    #expect(marked.confident)
    let unmarked = index.search(
      paste.map { $0.replacingOccurrences(of: "[info]", with: "") }.joined(separator: "\n"))
    #expect(!unmarked.confident)
  }
}
