import Foundation
import GuideKit
import Testing

@testable import Diagnostics

/// Connection errors counted in broker logs of every format, by the scanner of `rmq-doctor scan`.
@Suite struct BrokerLogTests {
  static let id = "rabbitmq-log-tail"

  /// The counts in the order the catalogue declares them: client closed, missed heartbeats,
  /// etimedout, econnreset, handshake timeout, connection forced, access refused.
  static func counts(_ reading: DiagnosticReading) -> [Double?] {
    [
      "log-client-closed-tcp", "log-missed-heartbeats", "log-etimedout", "log-econnreset",
      "log-handshake-timeout", "log-connection-forced", "log-access-refused",
    ].map(reading.value)
  }

  @Test(arguments: [
    ("broker-log-b1-client-rst.log", [1.0, 0, 0, 0, 0, 0, 0]),
    ("broker-log-b2-consumer-killed.log", [1, 0, 0, 0, 0, 0, 0]),
    ("broker-log-c-client-fin.log", [1, 0, 0, 0, 0, 0, 0]),
    ("broker-log-d1-handshake-timeout-nothing-sent.log", [0, 0, 0, 0, 1, 0, 0]),
    ("broker-log-d2-handshake-timeout-after-header.log", [0, 0, 0, 0, 1, 0, 0]),
    // {bad_header,<<"GET / HT">>} is explained by the handshake-timeout guide.
    ("broker-log-d3-bad-header-http.log", [0, 0, 0, 0, 1, 0, 0]),
    ("broker-log-e-missed-heartbeats.log", [0, 1, 0, 0, 0, 0, 0]),
    ("broker-log-i1-halfopen-heartbeat0.log", [0, 0, 0, 0, 0, 0, 0]),
    ("broker-log-i2-halfopen-heartbeat5.log", [0, 1, 0, 0, 0, 0, 0]),
    ("broker-log-i3-halfopen-etimedout.log", [0, 0, 1, 0, 0, 0, 0]),
    ("broker-log-a-heartbeat-mix.log", [0, 0, 0, 0, 1, 0, 0]),
    ("broker-log-f1-close_connection.log", [0, 0, 0, 0, 0, 1, 0]),
    ("broker-log-f2-broker-shutdown.log", [0, 0, 0, 0, 0, 1, 0]),
    ("broker-log-h1-wrong-password.log", [0, 0, 0, 0, 0, 0, 1]),
    ("broker-log-h2-unknown-user.log", [0, 0, 0, 0, 0, 0, 1]),
    ("broker-log-h3-unknown-vhost.log", [0, 0, 0, 0, 0, 0, 1]),
    ("broker-log-full.log", [3, 2, 1, 0, 4, 2, 3]),
  ])
  func realLogs(file: String, expected: [Double]) throws {
    let reading = try BrokerFixtures.reading(Self.id, file)
    #expect(reading.problem == nil)
    #expect(Self.counts(reading) == expected)
  }

  /// Connections the broker refused at login or closed on purpose: `Error on AMQP connection`
  /// entries, counted apart from the five reasons above.
  @Test(arguments: [
    ("broker-log-f1-close_connection.log", [1.0, 0]),
    ("broker-log-f2-broker-shutdown.log", [1, 0]),
    ("broker-log-h1-wrong-password.log", [0, 1]),
    ("broker-log-h2-unknown-user.log", [0, 1]),
    ("broker-log-h3-unknown-vhost.log", [0, 1]),
    ("broker-log-e-missed-heartbeats.log", [0, 0]),
    ("broker-log-a-heartbeat-mix.log", [0, 0]),
    ("broker-log-full.log", [2, 3]),
  ])
  func forcedAndRefusedConnections(file: String, expected: [Double]) throws {
    let reading = try BrokerFixtures.reading(Self.id, file)
    #expect(reading.problem == nil)
    #expect(["log-connection-forced", "log-access-refused"].map(reading.value) == expected)
    #expect(Self.counts(reading).allSatisfy { $0 != nil })
  }

  /// The log a run of LiveBrokerTests left on a real 3.10.8 broker: two abandoned connections,
  /// one missed-heartbeat close, one handshake timeout, one close_connection, one wrong password.
  @Test func liveCaptureOfEveryScenario() throws {
    let url = BrokerFixtures.repository.appendingPathComponent(
      "Tests/Fixtures/captures/live-broker-scenarios.log")
    // The capture's first line says how it was made; the log is what follows.
    let log = try String(contentsOf: url, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .drop { $0.hasPrefix("# ") }.joined(separator: "\n")
    let reading = try BrokerFixtures.reading(Self.id, output: log)
    #expect(reading.problem == nil)
    #expect(Self.counts(reading) == [2, 1, 0, 0, 1, 1, 1])
    #expect(["log-connection-forced", "log-access-refused"].map(reading.value) == [1, 1])
  }

  @Test func forcedEvidenceShowsTheErrorEntry() throws {
    let reading = try BrokerFixtures.reading(Self.id, "broker-log-f1-close_connection.log")
    let evidence = try #require(reading.fact("log-connection-forced")).evidence
    #expect(evidence.count == 2)
    #expect(evidence[0].contains("Error on AMQP connection <0.792.0> (127.0.0.1:43050"))
    #expect(
      evidence[1].hasSuffix(#"connection_forced: "Closed by operator (fixture scenario f1)""#))
  }

  @Test func legacyRefusalsAndOtherMechanisms() throws {
    let output = """
      2019-06-10 12:00:00.123 [error] <0.680.0> Error on AMQP connection <0.680.0> (10.0.0.1:41836 -> 10.0.0.2:5672, state: starting):
      AMQPLAIN login refused: user 'app' - invalid credentials
      2019-06-10 12:00:01.000 [error] <0.690.0> Error on AMQP connection <0.690.0> (10.0.0.1:41840 -> 10.0.0.2:5672 - app, user: 'app', state: opening):
      access to vhost 'orders' refused for user 'app'
      2019-06-10 12:00:02.000 [info] <0.700.0> connection <0.700.0> (10.0.0.1:41850 -> 10.0.0.2:5672): user 'app' authenticated and granted access to vhost 'orders'
      2019-06-10 12:00:03.000 [error] <0.710.0> Error on AMQP connection <0.710.0> (10.0.0.1:41860 -> 10.0.0.2:5672 - app, vhost: 'orders', user: 'app', state: running), channel 0:
      operation none caused a connection exception connection_forced: "user 'app' is deleted"
      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(reading.value("log-access-refused") == 2)
    #expect(reading.value("log-connection-forced") == 1)
  }

  /// The log runs oldest first; the evidence keeps the latest entries, which an incident is
  /// about, and says how many there were.
  @Test func evidenceKeepsTheLatestEntries() throws {
    let full = try BrokerFixtures.reading(Self.id, "broker-log-full.log")
    let evidence = try #require(full.fact("log-handshake-timeout")).evidence
    #expect(evidence.last == "… 4 entries in all")
    #expect(evidence.dropLast().last == #"{bad_header,<<"GET / HT">>}"#)
    #expect(
      evidence.first?.hasPrefix("2026-11-23 04:46:50 closing AMQP connection <0.765.0>") == true)
  }

  @Test func evidenceShowsTheLineThatNamesTheConnection() throws {
    let reading = try BrokerFixtures.reading(Self.id, "broker-log-e-missed-heartbeats.log")
    let evidence = try #require(reading.fact("log-missed-heartbeats")).evidence
    #expect(evidence.count == 2)
    #expect(
      evidence[0].hasSuffix(
        "closing AMQP connection <0.775.0> (127.0.0.1:37970 -> 127.0.0.1:5672 - app-hb2-frozen):"))
    #expect(evidence[1].hasSuffix("missed heartbeats from client, timeout: 2s"))
    let full = try BrokerFixtures.reading(Self.id, "broker-log-full.log")
    #expect(full.fact("log-handshake-timeout")?.evidence.last == "… 4 entries in all")
  }

  @Test func journalWithoutEntriesIsZeroNotAProblem() throws {
    let reading = try BrokerFixtures.reading(Self.id, "journalctl-rabbitmq-server.txt")
    #expect(reading.problem == nil)
    #expect(Self.counts(reading) == [0, 0, 0, 0, 0, 0, 0])
  }

  @Test func legacyReportFormat() throws {
    let output = """
      =INFO REPORT==== 9-Jan-2018::08:47:40 ===
      accepting AMQP connection <0.14034.1> (10.0.0.1:52860 -> 10.0.0.2:5672)

      =WARNING REPORT==== 9-Jan-2018::08:47:51 ===
      closing AMQP connection <0.14034.1> (10.0.0.1:52860 -> 10.0.0.2:5672, vhost: '/', user: 'guest'):
      client unexpectedly closed TCP connection

      =ERROR REPORT==== 9-Jan-2018::08:48:03 ===
      closing AMQP connection <0.14050.1> (10.0.0.3:40112 -> 10.0.0.2:5672):
      missed heartbeats from client, timeout: 60s

      =ERROR REPORT==== 9-Jan-2018::08:49:00 ===
      closing AMQP connection <0.14060.1> (10.0.0.4:40200 -> 10.0.0.2:5672):
      {inet_error,econnreset}

      =WARNING REPORT==== 9-Jan-2018::08:50:00 ===
      closing AMQP connection <0.14070.1> (10.0.0.5:40300 -> 10.0.0.2:5672):
      connection_closed_abruptly

      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(Self.counts(reading) == [2, 1, 0, 1, 0, 0, 0])
  }

  @Test func lagerFormatOf37And38() throws {
    let output = """
      2019-06-10 12:00:00.123 [warning] <0.680.0> closing AMQP connection <0.680.0> (10.0.0.1:41836 -> 10.0.0.2:5672, vhost: '/', user: 'guest'):
      client unexpectedly closed TCP connection
      2019-06-10 12:00:05.456 [error] <0.700.0> closing AMQP connection <0.700.0> (10.0.0.5:41900 -> 10.0.0.2:5672):
      {handshake_timeout,handshake}
      2019-06-10 12:01:00.000 [error] <0.710.0> closing AMQP connection <0.710.0> (10.0.0.6:41950 -> 10.0.0.2:5672):
      {inet_error,etimedout}
      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(Self.counts(reading) == [1, 0, 1, 0, 1, 0, 0])
    #expect(reading.fact("log-etimedout")?.evidence.count == 2)
  }

  @Test func jsonLinesAndJournaldPrefixes() throws {
    let output = """
      {"time":"2026-11-23 04:48:38.797326+00:00","level":"error","msg":"closing AMQP connection <0.488.0> (127.0.0.1:33850 -> 127.0.0.1:5672 - app):\\n{inet_error,etimedout}","pid":"<0.488.0>"}
      Nov 23 04:46:25 vm rabbitmq-server[748]: 2026-11-23 04:46:25.280625+00:00 [warning] <0.680.0> closing AMQP connection <0.680.0> (127.0.0.1:41836 -> 127.0.0.1:5672 - app-rst, vhost: '/', user: 'guest'):
      Nov 23 04:46:25 vm rabbitmq-server[748]: 2026-11-23 04:46:25.280625+00:00 [warning] <0.680.0> client unexpectedly closed TCP connection
      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(Self.counts(reading) == [1, 0, 1, 0, 0, 0, 0])
  }

  @Test func aClientNameIsNeverTakenForAReason() throws {
    let output = """
      2026-11-23 04:45:44.457094+00:00 [info] <0.556.0> closing AMQP connection <0.556.0> (127.0.0.1:38118 -> 127.0.0.1:5672 - missed heartbeats from client {inet_error,etimedout}, vhost: '/', user: 'guest')
      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(Self.counts(reading) == [0, 0, 0, 0, 0, 0, 0])
  }

  @Test func aLoggedPermissionErrorIsNotTheToolsOwn() throws {
    let output = """
      Nov 23 04:45:38 vm rabbitmq-server[748]: Failed to open /var/lib/x: Permission denied
      2026-11-23 04:45:38.100000+00:00 [error] <0.1.0> file:open: Permission denied
      2026-11-23 04:45:49.748877+00:00 [error] <0.573.0> closing AMQP connection <0.573.0> (127.0.0.1:38132 -> 127.0.0.1:5672):
      2026-11-23 04:45:49.748877+00:00 [error] <0.573.0> {handshake_timeout,frame_header}
      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(reading.problem == nil)
    #expect(Self.counts(reading) == [0, 0, 0, 0, 1, 0, 0])
  }

  @Test func unreadableJournalIsPermissionDenied() throws {
    let output = """
      Hint: You are currently not seeing messages from other users and the system.
            Users in groups 'adm', 'systemd-journal' can see all messages.
            Pass -q to turn off this notice.
      No journal files were opened due to insufficient permissions.
      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(
      reading.problem
        == "permission denied: No journal files were opened due to insufficient permissions.")
  }
}
