import Foundation
import Testing

@testable import TroubleshootingEngine

/// What a pasted error says about the queue or exchange it names, read from real lines.
@Suite struct NamedResourceTests {
  static let captures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/captures")

  func line(_ file: String, containing needle: String) throws -> String {
    let text = try String(contentsOf: Self.captures.appendingPathComponent(file), encoding: .utf8)
    return try #require(text.split(separator: "\n").map(String.init).first { $0.contains(needle) })
  }

  @Test func aDeclarationMismatchGivesBothValues() throws {
    let broker = try line("channel-redeclare.txt", containing: "caused a channel exception")
    let named = try #require(NamedResource.first(in: broker))
    #expect(
      named
        == NamedResource(
          kind: "queue", name: "orders", vhost: "/",
          mismatch: .init(argument: "durable", received: "false", current: "true")))
    let client = try line("channel-redeclare-type.txt", containing: "ChannelClosedByBroker")
    #expect(
      NamedResource.first(in: client)?.mismatch
        == .init(argument: "x-queue-type", received: "quorum", current: "classic"))
  }

  @Test func typedAndMissingArgumentsAreRead() {
    let typed =
      "PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' for queue 'q' in vhost 'v': received the value '60000' of type 'signedint' but current is the value '60000' of type 'long'"
    #expect(
      NamedResource.first(in: typed)?.mismatch
        == .init(argument: "x-message-ttl", received: "60000 (signedint)", current: "60000 (long)"))
    let missing =
      "inequivalent arg 'x-dead-letter-exchange' for queue 'q' in vhost '/': received none but current is the value 'dlx' of type 'longstr'"
    #expect(
      NamedResource.first(in: missing)?.mismatch
        == .init(argument: "x-dead-letter-exchange", received: nil, current: "dlx (longstr)"))
  }

  @Test func otherErrorsNameTheirQueueOrExchange() throws {
    let missing = try #require(
      NamedResource.first(
        in: try line("channel-consume-missing.txt", containing: "caused a channel exception")))
    #expect(missing == NamedResource(kind: "queue", name: "missing-queue", vhost: "/"))
    let locked = try #require(
      NamedResource.first(
        in: try line("channel-exclusive.txt", containing: "caused a channel exception")))
    #expect(locked.name == "session-42" && locked.kind == "queue")
    let refused = try #require(
      NamedResource.first(
        in: try line("channel-publish.txt", containing: "caused a channel exception")))
    #expect(refused == NamedResource(kind: "exchange", name: "amq.default", vhost: "/"))
    #expect(NamedResource.first(in: "missed heartbeats from client, timeout: 60s") == nil)
  }
}
