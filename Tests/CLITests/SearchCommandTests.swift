import Foundation
import Testing

/// `rmq-doctor search` on the shipped guides, as a user runs it.
@Suite struct SearchCommandTests {
  func search(_ arguments: [String], stdin: Data = Data()) throws -> Binary.Run {
    try Binary.run(["search", "--content", Binary.shippedContent] + arguments, stdin: stdin)
  }

  @Test func pastedBrokerLineFindsItsGuide() throws {
    let line = """
      2026-11-23 04:46:25.280625+00:00 [error] <0.680.0> closing AMQP connection <0.680.0> \
      (10.0.0.7:41836 -> 10.0.0.2:5672 - worker-3, vhost: 'orders', user: 'app'):
      missed heartbeats from client, timeout: 60s
      """
    let run = try search([line])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("missed-heartbeats: "))
    #expect(run.stdout.contains("rmq-doctor show missed-heartbeats"))
  }

  @Test func multiLineTracebackOnStandardInput() throws {
    let traceback = """
      Traceback (most recent call last):
        File "worker.py", line 12, in <module>
          channel.start_consuming()
        File "/usr/lib/python3/dist-packages/pika/adapters/blocking_connection.py", line 1883, in start_consuming
          self._process_data_events(time_limit=None)
      pika.exceptions.StreamLostError: Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')

      """
    let run = try search(["-"], stdin: Data(traceback.utf8))
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("econnreset: "))
  }

  @Test func jsonIsExactlyOneObjectWithTheDocumentedKeys() throws {
    let run = try search(["--json", "{socket_error, econnreset}"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["query", "confident", "results"])
    #expect(object["query"] as? String == "socket error econnreset")
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(Set(results.first?.keys ?? [:].keys) == ["id", "title", "score", "reason"])
    #expect(results.first?["id"] as? String == "econnreset")
  }

  @Test func aChannelErrorIsAnsweredByItsGuide() throws {
    let run = try search([
      "Channel error on connection <0.1283.0>: operation queue.declare caused a channel exception "
        + "precondition_failed: inequivalent arg 'x-queue-type' for queue 'jobs' in vhost '/'"
    ])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("inequivalent-arg: "), "\(run.stdout)")
  }

  @Test func anErrorNoGuideCoversIsNotClaimed() throws {
    // Federation links have no guide yet (the line's format is rabbit_federation_exchange_link.erl's).
    let run = try search([
      "Federation link could not find upstream exchange 'federation: amq.topic -> rabbit@node1 A' and will restart"
    ])
    #expect(run.status == 1, "\(run.stdout)")
    #expect(run.stdout.hasPrefix("No guide explains this error with confidence."))
  }

  @Test func explainShowsTheNormalisedQuery() throws {
    let run = try search([
      "--explain",
      "=WARNING REPORT==== 24-Jun-2026::14:08:51 ===\nclient unexpectedly closed TCP connection",
    ])
    #expect(
      run.stdout.hasPrefix(
        "query (normalised): warning report client unexpectedly closed tcp connection\n"))
    #expect(run.stdout.contains("connection-closed-abruptly"))
  }

  // Bad input: a clear answer or a clear error, never a crash and never a hang.

  @Test func emptyInputIsAUsageError() throws {
    Binary.expectOneLineError(try search(["-"]), containing: "the error text is empty")
    #expect(try search(["-"]).status == 2)
  }

  @Test func whitespaceOnlyIsAUsageError() throws {
    let run = try search([" \t "], stdin: Data())
    Binary.expectOneLineError(run, containing: "the error text is empty")
    #expect(run.status == 2)
  }

  @Test func aSingleCharacterMatchesNothing() throws {
    let run = try search(["x"])
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix("No guide matches this text:"))
    #expect(run.stderr.isEmpty)
  }

  /// Words that most guides use (`connection`, `closed`, `vhost`, `refused`) list no guide as
  /// close: the answer says so rather than listing guides that only share them.
  @Test func commonWordsAloneListNoGuide() throws {
    for text in ["Connection closed", "vhost refused"] {
      let run = try search([text])
      #expect(run.status == 1, "\(text)")
      #expect(run.stdout.hasPrefix("No guide matches this text:"), "\(text): \(run.stdout)")
    }
  }

  @Test func tenMegabytesAreReadAndTheErrorAtTheEndStillFound() throws {
    var input = Data(String(repeating: "INFO worker heartbeat ok\n", count: 420_000).utf8)
    input.append(
      Data(
        "pika.exceptions.AMQPHeartbeatTimeout: No activity or too many missed heartbeats in the last 30 seconds\n"
          .utf8))
    #expect(input.count > 10_000_000)
    let run = try search(["-"], stdin: input)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("missed-heartbeats: "))
  }

  @Test func binaryBytesGiveAnAnswerNotACrash() throws {
    let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
    let run = try search(["-"], stdin: bytes)
    #expect(run.status == 1 || run.status == 0)
    #expect(run.stderr.isEmpty, "\(run.stderr)")
  }

  @Test func invalidUTF8AroundAnErrorStillFindsIt() throws {
    var input = Data([0xff, 0xfe, 0xc3])
    input.append(Data(" {inet_error,ehostunreach} ".utf8))
    input.append(Data([0xed, 0xa0, 0x80]))
    let run = try search(["-"], stdin: input)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.hasPrefix("ehostunreach: "))
  }

  @Test func limitBelowOneIsAUsageError() throws {
    let run = try search(["--limit", "0", "econnreset"])
    Binary.expectOneLineError(run, containing: "--limit must be at least 1")
    #expect(run.status == 2)
  }
}
