import Foundation

/// Every client-misuse scenario run once on the live broker with
/// `Clients/longtail_client_pika.py`, each queue deleted right after its scenario, also when it
/// fails; then one `scan` of what the clients printed and the broker logged meanwhile.
struct LongTailClientRun: Sendable {
  typealias Outcome = LiveCluster.Outcome
  typealias Paste = LiveCluster.Paste

  static let client = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Clients/longtail_client_pika.py").path

  var outcomes: [LongTailClientScenario: Outcome]
  /// `rmq-doctor scan --json` of the clients' output and the broker's lines of the run.
  var scan: Program.Run
  /// The queue and connection names the run used.
  var names: [String] = []

  static let shared: Result<LongTailClientRun, Program.Failure> = LiveBroker.prepared(make(python:))

  static func make(python: String) throws -> LongTailClientRun {
    let log = try BrokerLog.mark(LiveBroker.logFile)
    var run = LongTailClientRun(outcomes: [:], scan: Program.Run(stdout: "", stderr: "", status: 0))
    var printed: [String] = []
    for scenario in [LongTailClientScenario.threadsPublish, .acksFromThreads] {
      let queue = name()
      let connection = name()
      run.names += [queue, connection]
      run.outcomes[scenario] = LiveCluster.capture {
        try sharedConnection(
          scenario, queue: queue, connection: connection, python: python, log: log
        ) { printed.append($0) }
      }
    }
    let connection = name()
    run.names.append(connection)
    run.outcomes[.serverNamedAfterReconnect] = LiveCluster.capture {
      try serverNamed(connection: connection, python: python, log: log) { printed.append($0) }
    }
    let logged = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-longtail-client-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: logged) }
    try ((printed + log.lines()).joined(separator: "\n") + "\n").write(
      to: logged, atomically: true, encoding: .utf8)
    run.scan = try LiveBroker.doctor(["scan", "--json", logged.path])
    return run
  }

  static func name() -> String { "rmq-doctor-live-\(UUID().uuidString.prefix(8).lowercased())" }

  /// The first line of `text` holding one of `markers`, trimmed, without the client's `who: ` prefix.
  static func line(_ text: String, _ markers: [String]) -> String? {
    for line in text.split(separator: "\n")
    where !line.hasPrefix(" ") && markers.contains(where: { line.contains($0) }) {
      var found = line.trimmingCharacters(in: .whitespaces)
      if let prefix = found.range(
        of: #"^(thread \d+|worker|main|close|basic_consume on the remembered name): "#,
        options: .regularExpression)
      {
        found.removeSubrange(prefix)
      }
      return found
    }
    return nil
  }

  /// Threads sharing one connection: the client runs to its end; its lines and the broker's entry
  /// for its connection (when the broker noticed first) are pasted.
  static func sharedConnection(
    _ scenario: LongTailClientScenario, queue: String, connection: String, python: String,
    log: BrokerLog,
    printed: (String) -> Void
  ) throws -> Outcome {
    defer { _ = try? LiveBroker.rabbitmqctl(["-q", "delete_queue", queue]) }
    let arguments =
      scenario == .threadsPublish
      ? ["threads", "--queue", queue, "--name", connection, "--threads", "4", "--count", "20000"]
      : ["ack-thread", "--queue", queue, "--name", connection, "--count", "2000", "--seconds", "8"]
    let result = try Program.run(
      python, ["-u", client] + arguments + ["--port", "5672"], timeout: 90)
    printed(result.stderr)
    var outcome = Outcome(
      command: "longtail_client_pika.py \(arguments.joined(separator: " "))", output: result.stderr)
    outcome.logLines = LiveCluster.waitForLines(in: log, timeout: 3) { $0.contains(connection) }
    if let error = line(result.stderr, scenario.clientMarkers) {
      outcome.pasted.append(Paste(label: "the client's error", text: error))
    } else if scenario == .acksFromThreads,
      let error = line(result.stderr, ["unknown delivery tag"])
    {
      // Some runs end before pika's own state breaks: an ack sent twice reaches the broker
      // first, and its 406 is unknown-delivery-tag's, which sends the reader to this guide.
      outcome.pasted.append(
        Paste(
          label: "the client's error (an ack sent twice)", text: error,
          guide: "unknown-delivery-tag"))
    } else if let error = line(result.stderr, ["got non content header frame instead"]) {
      // Some runs interleave a publish's method frame with another thread's method, not its
      // body: the broker's 505 then names the content header, the variant frame-error's guide
      // quotes and sends on to this one (its cause connection-shared-by-threads).
      outcome.pasted.append(
        Paste(
          label: "the client's error (a header frame interleaved)", text: error,
          guide: "frame-error"))
    } else {
      outcome.problem =
        "the client printed none of the guide's lines:\n\(result.stderr.suffix(3000))"
    }
    // The broker's entry when it saw the interleaved frames first, in the variant this guide
    // quotes (the "content header for class 60" variant is frame-error's).
    if let pid = BrokerLog.connectionPID(in: outcome.logLines, name: connection),
      let entry = BrokerLog.entry(in: outcome.logLines, pid: pid),
      entry.reason.contains("expected content body")
    {
      outcome.pasted.append(Paste(label: "the broker's entry", text: entry.text))
    }
    return outcome
  }

  /// A consumer of a server-named exclusive queue whose connection is closed with
  /// `rabbitmqctl close_connection`; it reconnects and consumes from the name it remembered.
  static func serverNamed(
    connection: String, python: String, log: BrokerLog, printed: (String) -> Void
  ) throws
    -> Outcome
  {
    let consumer = try ClientProcess(
      python: python,
      [
        "server-named", "--name", connection, "--seconds", "20", "--interval", "1", "--port",
        "5672",
      ],
      script: client)
    defer { consumer.finish() }
    var pid: String?
    try InternalsRun.waitUntil {
      let listed =
        (try? LiveBroker.rabbitmqctl(["-q", "list_connections", "pid", "client_properties"]).stdout)
        ?? ""
      pid = listed.split(separator: "\n").first { $0.contains(connection) }.map {
        String($0.split(separator: "\t")[0])
      }
      return pid != nil
    }
    let closed = try LiveBroker.rabbitmqctl(["close_connection", pid ?? "", "rmq-doctor live test"])
    consumer.waitForExit(timeout: 20)
    printed(consumer.errors)
    var outcome = Outcome(
      command:
        "rabbitmqctl close_connection '<pid of \(connection)>' 'rmq-doctor live test', then the client reconnects",
      output: consumer.errors + closed.stderr)
    let marker = LongTailClientScenario.serverNamedAfterReconnect.clientMarkers
    outcome.logLines = LiveCluster.waitForLines(in: log, timeout: 10) { line in
      marker.contains { line.contains($0) }
    }
    if let exception = line(consumer.errors, marker) {
      outcome.pasted.append(Paste(label: "the client's exception", text: exception))
    } else {
      outcome.problem = "the client reported no 404 for its old queue:\n\(consumer.errors)"
    }
    if let logged = outcome.logLines.first(where: { line in marker.contains { line.contains($0) } })
    {
      outcome.pasted.append(Paste(label: "the broker's line", text: logged))
    } else {
      outcome.problem = "the broker logged no 404 for an amq.gen- queue"
    }
    return outcome
  }
}
