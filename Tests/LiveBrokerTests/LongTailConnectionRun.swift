import Foundation

/// Every long-tail connection scenario run once: the test's own TCP server on 127.0.0.1:5712
/// (stopped right after its scenario), an nftables table of the test's own that drops the SYNs
/// to 127.0.0.1:5713 (deleted right after its scenarios, also when they fail), and a client
/// killed mid-handshake on the live broker; then one `scan` of what the clients printed and the
/// broker logged meanwhile. Only ports 5712 and 5713 and the live broker's AMQP port are used.
struct LongTailConnectionRun: Sendable {
  typealias Outcome = LiveCluster.Outcome
  typealias Paste = LiveCluster.Paste

  static let client = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Clients/longtail_connection_client.py").path
  static let fakePort = 5712
  static let droppedPort = 5713
  /// The nftables table the run adds and deletes; no other table is touched.
  static let table = "rmq_doctor_live_lt1"

  var outcomes: [LongTailConnectionScenario: Outcome]
  /// `rmq-doctor scan --json` of the clients' output and the broker's lines of the run.
  var scan: Program.Run
  /// Why the SYN-drop rule could not be set, when it could not.
  var dropRuleUnavailable: String?

  static let shared: Result<LongTailConnectionRun, Program.Failure> = LiveBroker.prepared(
    make(python:))

  static func make(python: String) throws -> LongTailConnectionRun {
    let log = try BrokerLog.mark(LiveBroker.logFile)
    var run = LongTailConnectionRun(
      outcomes: [:], scan: Program.Run(stdout: "", stderr: "", status: 0))
    var printed: [String] = []
    run.outcomes[.closedBeforeStart] = LiveCluster.capture {
      try closedBeforeStart(python: python) { printed.append($0) }
    }
    run.outcomes[.killedMidHandshake] = LiveCluster.capture {
      try killedMidHandshake(python: python, log: log)
    }
    run.dropRuleUnavailable = withDropRule {
      run.outcomes[.pikaConnectTimeout] = LiveCluster.capture {
        try pikaConnectTimeout(python: python) { printed.append($0) }
      }
      run.outcomes[.socketConnectTimeout] = LiveCluster.capture {
        try socketConnectTimeout(python: python) { printed.append($0) }
      }
    }
    if let reason = run.dropRuleUnavailable {
      for scenario in [LongTailConnectionScenario.pikaConnectTimeout, .socketConnectTimeout] {
        run.outcomes[scenario] = Outcome(problem: "skipped: \(reason)")
      }
    }
    let logged = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-longtail-connection-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: logged) }
    try ((printed + log.lines()).joined(separator: "\n") + "\n").write(
      to: logged, atomically: true, encoding: .utf8)
    run.scan = try LiveBroker.doctor(["scan", "--json", logged.path])
    return run
  }

  /// The last line of `text` that holds `marker`, trimmed.
  static func line(_ text: String, _ marker: String) -> String? {
    text.split(separator: "\n").last { $0.contains(marker) && !$0.hasPrefix(" ") }
      .map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// Runs the client with `arguments`; what it printed on stderr goes to `printed`.
  static func client(_ python: String, _ arguments: [String], printed: (String) -> Void) throws
    -> Program.Run
  {
    let run = try Program.run(python, ["-u", client] + arguments, timeout: 60)
    printed(run.stderr)
    return run
  }

  // MARK: - A close without a reason

  /// The run's own server reads the 8-byte protocol header and closes; pika reports an EOF.
  static func closedBeforeStart(python: String, printed: (String) -> Void) throws -> Outcome {
    let server = try ClientProcess(
      python: python,
      ["serve", "--port", "\(fakePort)", "--behaviour", "close-after-header", "--seconds", "30"],
      script: client)
    defer { server.finish(timeout: 1) }
    try waitUntil { LiveBroker.acceptsConnections(port: UInt16(fakePort)) }
    let arguments = ["pika", "--port", "\(fakePort)", "--log", "info"]
    let result = try client(python, arguments, printed: printed)
    var outcome = Outcome(
      command: "longtail_connection_client.py \(arguments.joined(separator: " "))",
      output: result.stderr)
    if let error = line(
      result.stderr,
      "pika.exceptions.IncompatibleProtocolError: StreamLostError: ('Transport indicated EOF',)")
    {
      outcome.pasted.append(Paste(label: "the client's exception", text: error))
    } else {
      outcome.problem = "pika reported no EOF:\n\(result.stderr.suffix(3000))"
    }
    if let logged = line(
      result.stderr, "connection_lost: StreamLostError: ('Transport indicated EOF',)")
    {
      outcome.pasted.append(Paste(label: "pika's log line", text: logged))
    }
    return outcome
  }

  /// A raw client sends the protocol header to the live broker and kills itself: the broker
  /// logs the close, and the client has nothing to say.
  static func killedMidHandshake(python: String, log: BrokerLog) throws -> Outcome {
    let mark = try BrokerLog.mark(log.path)
    let arguments = ["header-then-die", "--port", "5672"]
    let result = try Program.run(python, ["-u", client] + arguments, timeout: 30)
    var outcome = Outcome(
      command: "longtail_connection_client.py \(arguments.joined(separator: " "))",
      output: result.stdout)
    guard
      let portLine = result.stdout.split(separator: "\n").first(where: { $0.hasPrefix("port=") }),
      let port = Int(portLine.dropFirst("port=".count))
    else {
      outcome.problem = "the client announced no port: \(result.stdout) \(result.stderr)"
      return outcome
    }
    let (entry, lines) = mark.waitForEntry(port: port, timeout: 10)
    outcome.logLines = lines
    if let entry {
      outcome.pasted.append(Paste(label: "the broker's entry", text: entry.text))
    } else {
      outcome.problem =
        "the broker logged no entry for 127.0.0.1:\(port):\n\(lines.joined(separator: "\n"))"
    }
    return outcome
  }

  // MARK: - Connect timeouts

  /// Runs `body` while an nftables table of the run's own drops every packet to
  /// 127.0.0.1:5713, and deletes the table afterwards, also when `body` fails. Returns why the
  /// rule could not be set, or `nil`.
  static func withDropRule(_ body: () -> Void) -> String? {
    guard let nft = Program.locate("nft") else {
      return
        "nft is not installed (apt-get install nftables), so no SYN can be dropped; no address on this host leaves a SYN unanswered without a rule"
    }
    let delete = { _ = try? Program.run(nft, ["delete", "table", "inet", table], timeout: 30) }
    delete()
    defer { delete() }
    let steps = [
      ["add", "table", "inet", table],
      [
        "add", "chain", "inet", table, "input",
        "{ type filter hook input priority -10; policy accept; }",
      ],
      [
        "add", "rule", "inet", table, "input", "ip", "daddr", "127.0.0.1", "tcp", "dport",
        "\(droppedPort)", "drop",
      ],
    ]
    for step in steps {
      let result: Program.Run
      do { result = try Program.run(nft, step, timeout: 30) } catch {
        return "nft \(step.joined(separator: " ")): \(error)"
      }
      if result.status != 0 {
        return
          "nft \(step.joined(separator: " ")) failed (\(result.status)): \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
      }
    }
    body()
    return nil
  }

  /// pika with a 2 s socket_timeout: a bare AMQPConnectionError, and the timeout in its log.
  static func pikaConnectTimeout(python: String, printed: (String) -> Void) throws -> Outcome {
    let arguments = ["pika", "--port", "\(droppedPort)", "--socket-timeout", "2", "--log", "info"]
    let result = try client(python, arguments, printed: printed)
    var outcome = Outcome(
      command: "longtail_connection_client.py \(arguments.joined(separator: " "))",
      output: result.stderr)
    if let logged = line(
      result.stderr,
      "AMQPConnector - reporting failure: AMQPConnectorSocketConnectError: TimeoutError(")
    {
      outcome.pasted.append(Paste(label: "pika's log line", text: logged))
    } else {
      outcome.problem = "pika logged no connect timeout:\n\(result.stderr.suffix(3000))"
    }
    return outcome
  }

  /// A bare socket.create_connection with a 2 s timeout.
  static func socketConnectTimeout(python: String, printed: (String) -> Void) throws -> Outcome {
    let arguments = ["socket", "--port", "\(droppedPort)", "--timeout", "2"]
    let result = try client(python, arguments, printed: printed)
    var outcome = Outcome(
      command: "longtail_connection_client.py \(arguments.joined(separator: " "))",
      output: result.stderr)
    if let error = line(result.stderr, "TimeoutError: timed out") {
      // Python's bare "timed out" is too short to be matched with confidence: it must rank first.
      outcome.pasted.append(Paste(label: "the client's exception", text: error, confident: false))
    } else {
      outcome.problem = "the socket did not time out:\n\(result.stderr)"
    }
    return outcome
  }

  static func waitUntil(timeout: TimeInterval = 15, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
      guard Date() < deadline else {
        throw Program.Failure(description: "timed out after \(Int(timeout)) s")
      }
      Thread.sleep(forTimeInterval: 0.2)
    }
  }
}
