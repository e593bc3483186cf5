import Testing

@testable import ErrorSearch

@Suite struct QueryNormalizerTests {
  @Test func removesTimestampsPidsAddressesNamesVhostAndUser() {
    let line = """
      2026-11-23 04:46:25.280625+00:00 [warning] <0.680.0> closing AMQP connection <0.680.0> \
      (127.0.0.1:41836 -> 127.0.0.1:5672 - app-rst, vhost: '/', user: 'guest'):
      """
    #expect(QueryNormalizer.normalize(line) == "warning closing amqp connection vhost user")
  }

  @Test func erlangTuplesMatchWhateverTheirSpacing() {
    #expect(
      QueryNormalizer.normalize("{socket_error, econnreset}")
        == QueryNormalizer.normalize("{socket_error,econnreset}"))
    #expect(QueryNormalizer.normalize("{ inet_error , etimedout }") == "inet error etimedout")
  }

  @Test func oldReportHeaderLosesItsDate() {
    let entry =
      "=ERROR REPORT==== 30-May-2017::04:32:15 ===\nclosing AMQP connection <0.32737.44> (10.0.1.128:34526 -> 10.0.2.174:5672):\n{handshake_timeout,handshake}"
    #expect(
      QueryNormalizer.normalize(entry)
        == "error report closing amqp connection handshake timeout handshake")
  }

  /// A server-named queue's random part differs every time and, split at its case changes,
  /// would make words that match nothing; only its `amq.gen-` prefix is kept.
  @Test func serverNamedQueuesKeepOnlyTheirPrefix() {
    #expect(
      QueryNormalizer.normalize(
        "NOT_FOUND - no queue 'amq.gen-wUBNWhQ7PhG0Nu-fQdpaFA' in vhost '/'")
        == QueryNormalizer.normalize(
          "NOT_FOUND - no queue 'amq.gen-JzTY20BRgKO-HjmUJj0wLg' in vhost '/'"))
    #expect(QueryNormalizer.normalize("no queue 'amq.gen-X_y-12AbCd'") == "no queue amq gen")
    #expect(QueryNormalizer.normalize("no queue 'amq.direct'") == "no queue amq direct")
  }

  @Test func identifiersSplitIntoWords() {
    #expect(
      QueryNormalizer.normalize("java.net.NoRouteToHostException")
        == "java net no route to host exception")
    #expect(
      QueryNormalizer.normalize("pika.exceptions.AMQPConnectionError")
        == "pika exceptions amqp connection error")
    #expect(
      QueryNormalizer.normalize("ConnectionResetError(104, 'Connection reset by peer')")
        == "connection reset error 104 connection reset by peer")
  }

  @Test func jsonAndHTMLEscapesAreUndone() {
    #expect(
      QueryNormalizer.normalize(#"{"log":"java.net.NoRouteToHostException: No route to host\n"}"#)
        == "log java net no route to host exception no route to host")
    #expect(
      QueryNormalizer.normalize("#method&lt;connection.close&gt;") == "method connection close")
    #expect(
      QueryNormalizer.normalize(#"reply-text=\"CONNECTION_FORCED\""#)
        == "reply text connection forced")
  }

  @Test func durationsGoSoThatEveryTimeoutMatches() {
    #expect(
      QueryNormalizer.normalize("missed heartbeats from client, timeout: 2s")
        == "missed heartbeats from client timeout")
    #expect(
      QueryNormalizer.normalize("missed heartbeats from client, timeout: 60s")
        == QueryNormalizer.normalize("missed heartbeats from client, timeout: 2s"))
    #expect(QueryNormalizer.normalize("in the last 5 seconds") == "in the last")
    #expect(QueryNormalizer.normalize("after 250 ms") == "after")
    // A number that is not a duration stays.
    #expect(QueryNormalizer.normalize("[Errno 104] reset") == "errno 104 reset")
  }

  @Test func theExplanationOfAForcedCloseGoes() {
    let byOperator =
      #"operation none caused a connection exception connection_forced: "Closed by operator""#
    let shutdown =
      #"operation none caused a connection exception connection_forced: "broker forced connection closure with reason 'shutdown'""#
    #expect(
      QueryNormalizer.normalize(byOperator)
        == "operation none caused a connection exception connection forced")
    #expect(QueryNormalizer.normalize(byOperator) == QueryNormalizer.normalize(shutdown))
    // The client's form: the reply text after the dash, up to the closing quote.
    #expect(
      QueryNormalizer.normalize(
        "ConnectionClosedByBroker: (320) 'CONNECTION_FORCED - Closed by operator (fixture scenario f1)'"
      )
        == "connection closed by broker 320 connection forced")
  }

  @Test func ipv6AndBracketedAddressesGo() {
    #expect(
      QueryNormalizer.normalize("dial tcp [::1]:5672: connect: connection refused")
        == "dial tcp connect connection refused")
    #expect(QueryNormalizer.normalize("from fe80::1:2:3 port") == "from port")
  }

  /// The live broker logged `timeout: 2s` for a client that asked for 2 s heartbeats; the guide
  /// quotes `timeout: 60s`. Both are the same message.
  @Test func durationsGo() {
    #expect(
      QueryNormalizer.normalize("missed heartbeats from client, timeout: 2s")
        == QueryNormalizer.normalize("missed heartbeats from client, timeout: 60s"))
    #expect(
      QueryNormalizer.normalize("timed out after 5000ms on 3 tries") == "timed out after on 3 tries"
    )
  }

  @Test func lineNumbersAndPointersGo() {
    #expect(
      QueryNormalizer.normalize("at TCP.onread (net.js:558:19) 0x1742e9400 fd=14")
        == "at tcp onread net js")
  }

  @Test(arguments: ["", "   \n\t ", "\u{0}\u{1}\u{2}", "x", "\u{FFFD}\u{FFFD}"])
  func degenerateInputGivesFewOrNoWords(_ text: String) {
    #expect(QueryNormalizer.tokens(text).count <= 1)
  }

  @Test func hugeInputIsCutNotChoked() {
    let huge = String(repeating: "closing AMQP connection <0.1.0> ", count: 400_000)
    let words = QueryNormalizer.tokens(huge)
    #expect(!words.isEmpty)
    #expect(words.count < QueryNormalizer.maximumLength)
  }

  @Test func hugeInputKeepsItsLastLine() {
    let noise = String(repeating: "at com.example.Worker.run(Worker.java:42)\n", count: 50_000)
    let text = "Traceback (most recent call last):\n" + noise + "pika.exceptions.StreamLostError"
    let words = QueryNormalizer.tokens(text)
    #expect(words.first == "traceback")
    #expect(words.suffix(3) == ["stream", "lost", "error"])
  }
}
