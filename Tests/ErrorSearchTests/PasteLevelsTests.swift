import Testing

@testable import ErrorSearch

/// How a paste's lines are sorted by log level: the routine lines apart from the others.
@Suite struct PasteLevelsTests {
  @Test func structuredBrokerLinesAreSortedByTheirBracketedLevel() {
    let paste = """
      2026-11-23 04:47:16.433447+00:00 [info] <0.842.0> accepting AMQP connection <0.842.0> (127.0.0.1:40194 -> 127.0.0.1:5672)
      2026-11-23 04:47:16.435870+00:00 [error] <0.842.0> vhost nosuchvhost not found
      2026-11-23 04:47:16.436896+00:00 [info] <0.842.0> closing AMQP connection <0.842.0>
      """
    let split = PasteLevels.split(paste)
    #expect(split.loud.contains("vhost nosuchvhost not found"))
    #expect(!split.loud.contains("accepting"))
    #expect(split.quiet.contains("accepting") && split.quiet.contains("closing AMQP"))
  }

  @Test func onlyTheFirstMarkerOfALineCounts() {
    let split = PasteLevels.split("[info] the word ERROR later\n[error] the real one")
    #expect(split.quiet == "[info] the word ERROR later")
    #expect(split.loud == "[error] the real one")
  }

  /// Erlang/OTP and the CLI tools report failures as info reports: the legacy headers are no
  /// markers, so such a report counts in full.
  @Test func legacyReportsAreReadWhole() {
    let paste = """
      =INFO REPORT==== 5-Dec-2026::17:23:11.890278 ===
      Protocol 'inet_tcp': register/listen error: etimedout

      =SUPERVISOR REPORT==== 5-Dec-2026::17:23:11.891984 ===
          supervisor: {local,net_sup}
          reason: {'EXIT',nodistribution}
      """
    #expect(PasteLevels.split(paste).quiet.isEmpty)
  }

  @Test func clientLogLevelsJSONFieldsAndLogfmtAreMarkers() {
    let python = PasteLevels.split(
      "INFO:pika.adapters.utils.connection_workflow:Pika version 1.4.4 connecting to ('127.0.0.1', 5672)\nERROR:pika.adapters.utils.connection_workflow:AMQPConnector - reporting failure: AMQPConnectorSocketConnectError: ConnectionRefusedError(111, 'Connection refused')"
    )
    #expect(python.quiet.hasPrefix("INFO:pika"))
    #expect(python.loud.hasPrefix("ERROR:pika"))
    let json = PasteLevels.split(
      #"{"time":"2026-11-23 04:47:16","level":"info","msg":"accepting AMQP connection"}"# + "\n"
        + #"{"time":"2026-11-23 04:47:17","level":"error","msg":"vhost nosuchvhost not found"}"#)
    #expect(json.quiet.contains("accepting") && json.loud.contains("nosuchvhost"))
    let logfmt = PasteLevels.split(
      "level=debug msg=\"heartbeat sent\"\nlevel=warning msg=\"connection blocked\"")
    #expect(logfmt.quiet.contains("heartbeat sent") && logfmt.loud.contains("connection blocked"))
  }

  /// A JSON- or shell-escaped paste carries its line breaks as `\n` (or `\\n` when escaped
  /// twice): they cut lines too.
  @Test func escapedLineFeedsCutLines() {
    let once =
      #"[info] <0.1.0> accepting AMQP connection\n[error] <0.1.0> vhost nosuchvhost not found"#
    #expect(PasteLevels.split(once).loud == "[error] <0.1.0> vhost nosuchvhost not found")
    let twice =
      #"[info] <0.1.0> accepting AMQP connection\\n[error] <0.1.0> vhost nosuchvhost not found"#
    #expect(PasteLevels.split(twice).quiet == "[info] <0.1.0> accepting AMQP connection")
  }

  @Test func unmarkedLinesAreLoud() {
    let paste =
      "INFO:pika:connecting\nTraceback (most recent call last):\npika.exceptions.AMQPConnectionError"
    let split = PasteLevels.split(paste)
    #expect(split.quiet == "INFO:pika:connecting")
    #expect(split.loud.hasSuffix("pika.exceptions.AMQPConnectionError"))
  }

  @Test func aPasteOfRoutineLinesOnlyIsReadWhole() {
    let paste = "[info] accepting AMQP connection\n[info] closing AMQP connection"
    #expect(PasteLevels.split(paste) == (paste, ""))
    // Nor does a loud line without words (a separator) demote the others.
    let separated = "[info] accepting AMQP connection\n----\n[info] closing"
    #expect(PasteLevels.split(separated).quiet.isEmpty)
  }

  @Test func upperCaseLevelWordsInsideIdentifiersAreNoMarkers() {
    // CHANNEL_ERROR and FRAME_ERROR are AMQP reply texts, not levels; INFOS is no level.
    let split = PasteLevels.split(
      "[info] connected\nCHANNEL_ERROR - expected 'channel.open'\nINFOS here")
    #expect(split.loud == "CHANNEL_ERROR - expected 'channel.open'\nINFOS here")
  }
}
