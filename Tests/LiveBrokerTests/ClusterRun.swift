import Foundation

/// Every cluster scenario run once on the live two-node cluster, one after the other, each
/// undone right after it, also when it fails: the CLI tools with another cookie and against a
/// node that does not run, a third node that cannot boot because its port is taken, TLS clients
/// against rabbit2's TLS listener, then a partition (rabbit2 suspended until rabbit@localhost
/// declares it down, then resumed) that is healed again. `diagnose` runs with the other cookie,
/// against rabbit2 (its TLS listener), and during the partition; one `scan` reads everything the
/// nodes logged meanwhile.
struct ClusterRun: Sendable {
  typealias Paste = LiveCluster.Paste
  typealias Outcome = LiveCluster.Outcome

  static let otherCookie = ["RABBITMQ_ERLANG_COOKIE": "rmq-doctor-not-the-cookie-of-the-node"]

  var outcomes: [ClusterScenario: Outcome]
  /// `rmq-doctor diagnose --yes --json` with the CLI tools' cookie not the node's.
  var diagnoseWithOtherCookie: Program.Run?
  /// The same, asking rabbit2 (RABBITMQ_NODENAME), whose TLS listener is on 5671.
  var diagnoseNode2: Program.Run?
  /// The same, while rabbit@localhost and rabbit2 were partitioned.
  var diagnoseDuringPartition: Program.Run?
  /// `rmq-doctor scan --json` of every node log line written during the run.
  var scan: Program.Run
  /// `rabbitmq-diagnostics cluster_status` at the end.
  var clusterAfter: String

  /// The run, made the first time a test asks for it.
  static let shared: Result<ClusterRun, Program.Failure> = LiveBroker.prepared(make(python:))

  static func make(python: String) throws -> ClusterRun {
    guard try LiveCluster.diagnostics(["-n", LiveCluster.node2, "-q", "ping"]).status == 0 else {
      throw Program.Failure(
        description:
          "\(LiveCluster.node2) is not running: run the tests through .ci/with-broker, which starts it (.ci/cluster-start)"
      )
    }
    let main = try BrokerLog.mark(LiveBroker.logFile)
    let second = try BrokerLog.mark(LiveCluster.node2Log)
    var outcomes: [ClusterScenario: Outcome] = [:]
    var extraLines: [String] = []
    var run = ClusterRun(
      outcomes: [:], scan: Program.Run(stdout: "", stderr: "", status: 0), clusterAfter: "")

    outcomes[.cookieRejected] = LiveCluster.capture { try cookieRejected(main) }
    run.diagnoseWithOtherCookie = try? LiveCluster.doctor(
      ["diagnose", "--yes", "--json"], environment: otherCookie)
    outcomes[.nodeNotRunning] = LiveCluster.capture { try nodeNotRunning() }
    outcomes[.portInUse] = LiveCluster.capture { try portInUse() }
    extraLines += outcomes[.portInUse]?.logLines ?? []
    let files = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-doctor-tls-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: files) }
    let certificates = Result { try makeCertificates(in: files.path) }
    for scenario in ClusterScenario.allCases where scenario.isTLS {
      outcomes[scenario] = LiveCluster.capture {
        try certificates.get()
        return try tls(scenario, python: python, files: files.path, log: second)
      }
    }
    run.diagnoseNode2 = try? LiveCluster.doctor(
      ["diagnose", "--yes", "--json"], environment: ["RABBITMQ_NODENAME": LiveCluster.node2])
    outcomes[.partition] = LiveCluster.capture {
      let (outcome, diagnose) = try partition(main: main, second: second)
      run.diagnoseDuringPartition = diagnose
      return outcome
    }
    run.clusterAfter = (try? LiveCluster.diagnostics(["cluster_status"]).stdout) ?? ""

    let logged = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-cluster-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: logged) }
    let lines = main.lines() + second.lines() + extraLines
    try (lines.joined(separator: "\n") + "\n").write(to: logged, atomically: true, encoding: .utf8)
    run.scan = try LiveBroker.doctor(["scan", "--json", logged.path])
    run.outcomes = outcomes
    return run
  }

  // MARK: - The CLI tools

  static func cookieRejected(_ log: BrokerLog) throws -> Outcome {
    let cli = try LiveCluster.diagnostics(["check_running"], environment: otherCookie)
    var outcome = Outcome(
      command: "RABBITMQ_ERLANG_COOKIE=... rabbitmq-diagnostics check_running",
      output: cli.stdout + cli.stderr)
    let report = outcome.output
    let rejected = LiveCluster.waitForLines(in: log, timeout: 10) {
      $0.contains("rejected. Invalid challenge reply")
    }
    outcome.logLines = rejected
    outcome.pasted = [Paste(label: "the CLI's whole report", text: report)]
    if let line = report.split(separator: "\n").first(where: {
      $0.contains("Erlang distribution failed")
    }) {
      outcome.pasted.append(
        Paste(label: "its distribution line", text: line.trimmingCharacters(in: .whitespaces)))
    } else {
      outcome.problem = "the report does not say the distribution failed:\n\(report)"
    }
    if let line = rejected.first {
      outcome.pasted.append(Paste(label: "the node's log line", text: line))
    } else {
      outcome.problem = "rabbit@localhost logged no rejected connection attempt"
    }
    return outcome
  }

  static func nodeNotRunning() throws -> Outcome {
    let cli = try LiveCluster.diagnostics(["-n", "rabbit9@localhost", "check_running"])
    var outcome = Outcome(
      command: "rabbitmq-diagnostics -n rabbit9@localhost check_running",
      output: cli.stdout + cli.stderr)
    outcome.pasted = [Paste(label: "the CLI's whole report", text: outcome.output)]
    if let line = outcome.output.split(separator: "\n").first(where: {
      $0.contains("not running at all")
    }) {
      outcome.pasted.append(
        Paste(label: "its epmd line", text: line.trimmingCharacters(in: .whitespaces)))
    } else {
      outcome.problem = "epmd did not say the node is not running:\n\(outcome.output)"
    }
    return outcome
  }

  // MARK: - A node that cannot boot

  /// A third node, rabbit8@localhost, started in the foreground with AMQP port 5673, which
  /// rabbit2 holds; its folder is removed afterwards.
  static func portInUse() throws -> Outcome {
    let folder = "/tmp/rmq-doctor-live-node8-\(UUID().uuidString.prefix(8).lowercased())"
    defer {
      if let pid = try? String(contentsOfFile: "\(folder)/node.pid", encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines),
        let number = Int32(pid)
      {
        kill(number, SIGTERM)
      }
      try? FileManager.default.removeItem(atPath: folder)
    }
    for sub in ["", "/log", "/mnesia"] {
      _ = try Program.run(
        "/usr/bin/install", ["-d", "-o", "rabbitmq", "-g", "rabbitmq", folder + sub])
    }
    try "listeners.tcp.default = 127.0.0.1:5673\n".write(
      toFile: "\(folder)/node.conf", atomically: true, encoding: .utf8)
    let environment = [
      "RABBITMQ_NODENAME": "rabbit8@localhost", "RABBITMQ_NODE_PORT": "5673",
      "RABBITMQ_DIST_PORT": "25688",
      "RABBITMQ_MNESIA_BASE": "\(folder)/mnesia", "RABBITMQ_LOG_BASE": "\(folder)/log",
      "RABBITMQ_CONFIG_FILE": "\(folder)/node.conf", "RABBITMQ_PID_FILE": "\(folder)/node.pid",
      "RABBITMQ_ENABLED_PLUGINS_FILE": "\(folder)/enabled_plugins",
      "ERL_CRASH_DUMP": "\(folder)/erl_crash.dump",
    ]
    // A node that boots after all would run on: timeout stops it, and the test reports it.
    let server = try Program.run(
      Program.locate("timeout") ?? "/usr/bin/timeout",
      [
        "120", Program.locate("runuser") ?? "/usr/sbin/runuser", "-u", "rabbitmq", "--",
        "/usr/lib/rabbitmq/bin/rabbitmq-server",
      ],
      environment: environment, timeout: 150)
    var outcome = Outcome(
      command:
        "RABBITMQ_NODENAME=rabbit8@localhost RABBITMQ_NODE_PORT=5673 ... rabbitmq-server (rabbit2 holds 5673)",
      output: server.stdout + server.stderr)
    let log =
      (try? String(contentsOfFile: "\(folder)/log/rabbit8@localhost.log", encoding: .utf8)) ?? ""
    outcome.logLines = log.split(separator: "\n").map(String.init)
    if let line = outcome.logLines.first(where: { $0.contains("for reason eaddrinuse") }) {
      outcome.pasted.append(Paste(label: "the node's log line", text: line))
    } else {
      let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
      outcome.problem =
        "rabbit8's log has no eaddrinuse line (status \(server.status), files \(files)):\n\(outcome.output.suffix(3000))"
    }
    let console = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    if let start = console.firstIndex(where: { $0.hasPrefix("Error during startup:") }) {
      let text = console[start..<min(start + 2, console.count)].joined(separator: "\n")
      outcome.pasted.append(Paste(label: "the console's Error during startup", text: text))
    } else {
      outcome.problem =
        "rabbitmq-server printed no Error during startup:\n\(outcome.output.suffix(2000))"
    }
    return outcome
  }

  // MARK: - TLS

  /// A client certificate signed by the cluster's CA, one from a CA of its own, and one signed
  /// by the cluster's CA that expired yesterday, all with one key.
  static func makeCertificates(in folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let ca = [
      "-CA", "\(LiveCluster.tlsDirectory)/ca.pem", "-CAkey",
      "\(LiveCluster.tlsDirectory)/ca-key.pem", "-CAcreateserial",
    ]
    // -CAserial keeps the serial number file in `folder`, not beside the CA.
    let steps: [[String]] = [
      [
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=rmq-doctor-live-client", "-keyout",
        "client-key.pem", "-out", "client.csr",
      ],
      ["x509", "-req", "-in", "client.csr", "-days", "2", "-out", "client.pem"] + ca,
      ["x509", "-req", "-in", "client.csr", "-days", "-1", "-out", "expired.pem"] + ca,
      [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
        "/CN=rmq-doctor unknown CA", "-keyout", "other-ca-key.pem", "-out", "other-ca.pem",
      ],
      [
        "x509", "-req", "-in", "client.csr", "-CA", "other-ca.pem", "-CAkey", "other-ca-key.pem",
        "-CAcreateserial", "-days", "2", "-out", "other.pem",
      ],
    ]
    let openssl = Program.locate("openssl") ?? "/usr/bin/openssl"
    for step in steps {
      let arguments = step.map {
        ($0.hasSuffix(".pem") || $0.hasSuffix(".csr")) && !$0.hasPrefix("/")
          ? "\(folder)/\($0)" : $0
      }
      let made = try Program.run(
        openssl,
        arguments + (step.contains("-CAcreateserial") ? ["-CAserial", "\(folder)/serial"] : []))
      guard made.status == 0 else {
        throw Program.Failure(
          description: "openssl \(step.joined(separator: " ")) failed: \(made.stderr)")
      }
    }
  }

  static func tls(_ scenario: ClusterScenario, python: String, files: String, log: BrokerLog) throws
    -> Outcome
  {
    let before = try BrokerLog.mark(log.path)
    let client = LiveBroker.repository.appendingPathComponent("Tests/Fixtures/lab/tls_client.py")
      .path
    let arguments = scenario.clientArguments(files: files, ca: "\(LiveCluster.tlsDirectory)/ca.pem")
    let run = try Program.run(python, [client] + arguments, timeout: 60)
    var outcome = Outcome(
      command: "tls_client.py " + arguments.joined(separator: " "), output: run.stdout + run.stderr)
    let lines = outcome.output.split(separator: "\n").map(String.init)
    // The most telling line: one with OpenSSL's reason code, else the ssl module's, else pika's.
    let telling =
      lines.first { $0.contains("[SSL: ") } ?? lines.first { $0.hasPrefix("ssl.") }
      ?? lines.first { $0.hasPrefix("pika.exceptions.") }
    if let line = telling {
      // When the node's alert races the client's read, pika sees only an EOF (SSLEOFError): the
      // reason is then on the node's side alone, but the EOF itself is tls-handshake's.
      let vague = scenario.clientLineIsAmbiguous
      outcome.pasted.append(Paste(label: "the client's exception", text: line, confident: !vague))
    } else {
      outcome.problem = "the client reported no error (status \(run.status)):\n\(outcome.output)"
    }
    if scenario.brokerLogs {
      let logged = LiveCluster.waitForLines(in: before, timeout: 10) {
        $0.contains("TLS server:") || $0.contains("{bad_header,")
      }
      outcome.logLines = logged
      let reason = logged.first { $0.contains("TLS server:") || $0.contains("{bad_header,") }
      if let reason {
        outcome.pasted.append(Paste(label: "rabbit2's log line", text: reason))
      } else {
        outcome.problem = "rabbit2 logged nothing about the handshake"
      }
    }
    return outcome
  }

  // MARK: - A partition

  /// rabbit2's `beam.smp` is stopped until rabbit@localhost declares it down (net_tick_timeout,
  /// within net_ticktime 15 s), then resumed; once both nodes report the partition, `diagnose`
  /// runs. Healed afterwards, also on failure: rabbit2 resumed and its application restarted.
  static func partition(main: BrokerLog, second: BrokerLog) throws -> (Outcome, Program.Run?) {
    let pidText = try String(contentsOfFile: LiveCluster.node2PIDFile, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard let pid = Int32(pidText) else {
      throw Program.Failure(description: "no pid in \(LiveCluster.node2PIDFile)")
    }
    let mainMark = try BrokerLog.mark(main.path)
    let secondMark = try BrokerLog.mark(second.path)
    defer { heal(pid: pid) }
    var outcome = Outcome(
      command: "kill -STOP <rabbit2's beam.smp> until net_tick_timeout, then kill -CONT")
    kill(pid, SIGSTOP)
    let down = LiveCluster.waitForLines(in: mainMark, timeout: 45) {
      $0.contains("down: net_tick_timeout")
    }
    kill(pid, SIGCONT)
    guard let downLine = down.first(where: { $0.contains("down: net_tick_timeout") }) else {
      throw Program.Failure(
        description: "rabbit@localhost did not log net_tick_timeout within 45 s")
    }
    let seen = LiveCluster.waitForLines(in: mainMark, timeout: 30) {
      $0.contains("inconsistent_database")
    }
    let seenOnSecond = LiveCluster.waitForLines(in: secondMark, timeout: 10) {
      $0.contains("inconsistent_database")
    }
    outcome.logLines = seen + seenOnSecond
    outcome.pasted.append(Paste(label: "rabbit@localhost's node down line", text: downLine))
    if let line = seen.first(where: { $0.contains("inconsistent_database") }) {
      outcome.pasted.append(Paste(label: "rabbit@localhost's Mnesia line", text: line))
    } else {
      outcome.problem = "rabbit@localhost logged no inconsistent_database"
    }
    if let line = seenOnSecond.first(where: { $0.contains("inconsistent_database") }) {
      outcome.pasted.append(Paste(label: "rabbit2's Mnesia line", text: line))
    }
    let status = try LiveCluster.diagnostics(["cluster_status"])
    outcome.output = status.stdout
    let diagnose = try LiveCluster.doctor(["diagnose", "--yes", "--json"])
    return (outcome, diagnose)
  }

  /// Resumes rabbit2 and restarts its RabbitMQ application, which ends the partition (the
  /// `ignore` mode heals nothing by itself), then waits until both nodes run and no partition
  /// is listed.
  static func heal(pid: Int32) {
    kill(pid, SIGCONT)
    _ = try? LiveBroker.rabbitmqctl(["-n", LiveCluster.node2, "-q", "stop_app"])
    _ = try? LiveBroker.rabbitmqctl(["-n", LiveCluster.node2, "-q", "start_app"])
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      if let status = try? LiveCluster.diagnostics(["-q", "cluster_status", "--formatter", "json"])
        .stdout, LiveCluster.isWhole(status)
      {
        return
      }
      Thread.sleep(forTimeInterval: 1)
    }
  }
}
