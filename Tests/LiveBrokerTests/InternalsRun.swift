import Foundation

/// Every broker-internals scenario run once on the live cluster, one after the other, each
/// undone right after it, also when it fails (the queue, the shovel, the upstream and its policy,
/// the exchange, the user); `diagnose` of rabbit2 while its shovel and federation link cannot
/// connect; then one `scan` of what both nodes logged meanwhile.
struct InternalsRun: Sendable {
  typealias Outcome = LiveCluster.Outcome
  typealias Paste = LiveCluster.Paste

  static let client = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Clients/internals_client.py").path
  /// The enabled_plugins file rabbit2 runs with, which its CLI commands must read too.
  static let node2Plugins = ["RABBITMQ_ENABLED_PLUGINS_FILE": "/etc/rabbitmq/node2/enabled_plugins"]
  static let api = "http://127.0.0.1:15673"

  var outcomes: [InternalsScenario: Outcome]
  /// `rmq-doctor diagnose --yes --json` of rabbit2 while the shovel and the link were down.
  var diagnoseLinks: Program.Run?
  var scan: Program.Run
  /// The enabled_plugins file of rabbit2 before and after `rabbitmq-plugins enable` failed.
  var pluginsFileBefore: String
  var pluginsFileAfter: String

  static let shared: Result<InternalsRun, Program.Failure> = LiveBroker.prepared(make(python:))

  static func make(python: String) throws -> InternalsRun {
    guard try LiveCluster.diagnostics(["-n", LiveCluster.node2, "-q", "ping"]).status == 0 else {
      throw Program.Failure(
        description:
          "\(LiveCluster.node2) is not running: run the tests through .ci/with-broker, which starts it (.ci/cluster-start)"
      )
    }
    let main = try BrokerLog.mark(LiveBroker.logFile)
    let second = try BrokerLog.mark(LiveCluster.node2Log)
    let pluginsFile = node2Plugins["RABBITMQ_ENABLED_PLUGINS_FILE"] ?? ""
    var run = InternalsRun(
      outcomes: [:], scan: Program.Run(stdout: "", stderr: "", status: 0),
      pluginsFileBefore: (try? String(contentsOfFile: pluginsFile, encoding: .utf8)) ?? "",
      pluginsFileAfter: "")
    run.outcomes[.queueKilled] = LiveCluster.capture { try queueKilled(python: python, log: main) }
    run.outcomes[.channelKilled] = LiveCluster.capture {
      try channelKilled(python: python, log: main)
    }
    run.outcomes[.unknownPlugin] = LiveCluster.capture { try unknownPlugin() }
    run.pluginsFileAfter = (try? String(contentsOfFile: pluginsFile, encoding: .utf8)) ?? ""
    run.outcomes[.shovelClosedPort] = LiveCluster.capture {
      try links(log: second) { outcomes, diagnose in
        run.outcomes[.federationClosedPort] = outcomes.federation
        run.diagnoseLinks = diagnose
        return outcomes.shovel
      }
    }
    run.outcomes[.unresolvableHost] = LiveCluster.capture { try unresolvableHost(python: python) }
    for scenario in [
      InternalsScenario.managementBadPassword, .managementNoTag, .managementVhostNotEncoded,
    ] {
      run.outcomes[scenario] = LiveCluster.capture {
        try management(scenario, python: python, log: second)
      }
    }
    let logged = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-internals-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: logged) }
    try ((main.lines() + second.lines()).joined(separator: "\n") + "\n").write(
      to: logged, atomically: true, encoding: .utf8)
    run.scan = try LiveBroker.doctor(["scan", "--json", logged.path])
    return run
  }

  static func name() -> String { "rmq-doctor-live-\(UUID().uuidString.prefix(8).lowercased())" }

  /// The first line of `text` that holds `marker`, trimmed.
  static func line(_ text: String, _ marker: String) -> String? {
    text.split(separator: "\n").first { $0.contains(marker) }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  // MARK: - Processes killed inside the broker

  /// A consumer on a classic queue whose process is killed once: the queue's supervisor
  /// restarts it and logs the crash.
  static func queueKilled(python: String, log: BrokerLog) throws -> Outcome {
    let queue = name()
    defer { _ = try? LiveBroker.rabbitmqctl(["-q", "delete_queue", queue]) }
    let consumer = try ClientProcess(
      python: python, ["consume", "--queue", queue, "--seconds", "15"], script: client)
    defer { consumer.finish() }
    try waitUntil {
      (try? LiveBroker.rabbitmqctl(["-q", "list_queues", "name", "consumers"]).stdout)?.contains(
        "\(queue)\t1") == true
    }
    let mark = try BrokerLog.mark(log.path)
    let kill =
      "{ok, Q} = rabbit_amqqueue:lookup(rabbit_misc:r(<<\"/\">>, queue, <<\"\(queue)\">>)), exit(amqqueue:get_pid(Q), kill)."
    let killed = try LiveBroker.rabbitmqctl(["-q", "eval", kill])
    var outcome = Outcome(
      command: "rabbitmqctl eval 'exit(<the queue's pid>, kill).'",
      output: killed.stdout + killed.stderr)
    let lines = LiveCluster.waitForLines(in: mark, timeout: 10) {
      $0.contains("Restarting crashed queue")
    }
    outcome.logLines = lines
    if let restart = lines.first(where: { $0.contains("Restarting crashed queue '\(queue)'") }) {
      outcome.pasted.append(Paste(label: "the node's log line", text: restart))
    } else {
      outcome.problem = "no Restarting crashed queue line for \(queue) (eval: \(outcome.output))"
    }
    return outcome
  }

  /// A consumer whose channel process is killed: the connection is closed with 541.
  static func channelKilled(python: String, log: BrokerLog) throws -> Outcome {
    let queue = name()
    let connection = name()
    defer { _ = try? LiveBroker.rabbitmqctl(["-q", "delete_queue", queue]) }
    let consumer = try ClientProcess(
      python: python, ["consume", "--queue", queue, "--name", connection, "--seconds", "15"],
      script: client)
    defer { consumer.finish() }
    // A channel's name is its connection's addresses and its number: `127.0.0.1:PORT -> ... (1)`.
    let port = try consumer.port()
    var pid: String?
    try waitUntil {
      let channels =
        (try? LiveBroker.rabbitmqctl(["-q", "list_channels", "pid", "name"]).stdout) ?? ""
      pid = channels.split(separator: "\n").first { $0.contains("127.0.0.1:\(port) ->") }
        .map { String($0.split(separator: "\t")[0]) }
      return pid != nil
    }
    let mark = try BrokerLog.mark(log.path)
    let killed = try LiveBroker.rabbitmqctl([
      "-q", "eval", "exit(rabbit_misc:string_to_pid(\"\(pid ?? "")\"), kill).",
    ])
    consumer.waitForExit(timeout: 20)
    var outcome = Outcome(
      command: "rabbitmqctl eval 'exit(rabbit_misc:string_to_pid(\"<channel pid>\"), kill).'",
      output: consumer.errors + killed.stderr)
    outcome.logLines = LiveCluster.waitForLines(in: mark, timeout: 10) {
      $0.contains("Non-AMQP exit reason")
    }
    if let client = line(consumer.errors, "541") {
      outcome.pasted.append(Paste(label: "the client's exception", text: client))
    } else {
      outcome.problem = "the client reported no 541:\n\(consumer.errors)"
    }
    if let reason = outcome.logLines.first(where: { $0.contains("Non-AMQP exit reason") }) {
      outcome.pasted.append(Paste(label: "the node's log line", text: reason))
    } else {
      outcome.problem = "no Non-AMQP exit reason line"
    }
    return outcome
  }

  // MARK: - Plugins and links

  /// `rabbitmq-plugins enable` of a plugin that is not installed fails before it writes the
  /// enabled_plugins file (the test compares the file before and after).
  static func unknownPlugin() throws -> Outcome {
    let run = try Program.run(
      Program.locate("rabbitmq-plugins") ?? "/usr/sbin/rabbitmq-plugins",
      ["-n", LiveCluster.node2, "enable", "rabbitmq_no_such_plugin"], environment: node2Plugins,
      timeout: 90)
    var outcome = Outcome(
      command: "rabbitmq-plugins -n rabbit2@localhost enable rabbitmq_no_such_plugin",
      output: run.stdout + run.stderr)
    outcome.pasted = [Paste(label: "the CLI's output", text: outcome.output)]
    if run.status == 0 {
      outcome.problem = "enabling a plugin that does not exist succeeded:\n\(outcome.output)"
    }
    return outcome
  }

  /// A dynamic shovel and a federation upstream (applied by a policy to an exchange) pointed at
  /// 127.0.0.1:5799, where nothing listens; `body` runs while they retry. All removed afterwards.
  static func links(
    log: BrokerLog, _ body: ((shovel: Outcome, federation: Outcome), Program.Run?) throws -> Outcome
  ) throws -> Outcome {
    let shovel = name()
    let upstream = name()
    let exchange = name()
    let ctl = { (arguments: [String]) throws -> Program.Run in
      try Program.run(
        Program.locate("rabbitmqctl") ?? "/usr/sbin/rabbitmqctl",
        ["-n", LiveCluster.node2, "-q"] + arguments,
        environment: node2Plugins, timeout: 60)
    }
    defer {
      _ = try? ctl(["clear_parameter", "shovel", shovel])
      _ = try? ctl(["clear_policy", upstream])
      _ = try? ctl(["clear_parameter", "federation-upstream", upstream])
      _ = try? http("DELETE", "/api/exchanges/%2F/\(exchange)", user: "guest", password: "guest")
    }
    let mark = try BrokerLog.mark(log.path)
    _ = try ctl([
      "set_parameter", "shovel", shovel,
      #"{"src-uri":"amqp://","src-queue":"\#(shovel)","dest-uri":"amqp://guest:guest@127.0.0.1:5799","dest-queue":"\#(shovel)-copy","reconnect-delay":5}"#,
    ])
    _ = try ctl([
      "set_parameter", "federation-upstream", upstream,
      #"{"uri":"amqp://guest:guest@127.0.0.1:5799"}"#,
    ])
    _ = try ctl([
      "set_policy", "--apply-to", "exchanges", upstream, "^\(exchange)$",
      #"{"federation-upstream":"\#(upstream)"}"#,
    ])
    _ = try http(
      "PUT", "/api/exchanges/%2F/\(exchange)", user: "guest", password: "guest",
      body: #"{"type":"fanout","durable":false}"#)
    _ = LiveCluster.waitForLines(in: mark, timeout: 20) { $0.contains("could not connect to") }
    let lines = LiveCluster.waitForLines(in: mark, timeout: 20) {
      $0.contains("did not connect to")
    }
    var shovelOutcome = Outcome(
      command:
        "rabbitmqctl set_parameter shovel \(shovel) '{... \"dest-uri\":\"amqp://...@127.0.0.1:5799\" ...}'"
    )
    var federationOutcome = Outcome(
      command:
        "rabbitmqctl set_parameter federation-upstream \(upstream) '{\"uri\":\"amqp://...@127.0.0.1:5799\"}' and a policy"
    )
    shovelOutcome.logLines = lines.filter { $0.contains("Shovel") }
    federationOutcome.logLines = lines.filter { $0.contains("Federation") }
    if let line = lines.first(where: { $0.contains("could not connect to") }) {
      shovelOutcome.pasted.append(Paste(label: "rabbit2's shovel line", text: line))
    } else {
      shovelOutcome.problem = "rabbit2 logged no 'could not connect to' for the shovel"
    }
    if let line = lines.first(where: { $0.contains("did not connect to") }) {
      federationOutcome.pasted.append(Paste(label: "rabbit2's federation line", text: line))
    } else {
      federationOutcome.problem = "rabbit2 logged no 'did not connect to' for the link"
    }
    let diagnose = try? LiveCluster.doctor(
      ["diagnose", "--yes", "--json"],
      environment: node2Plugins.merging(["RABBITMQ_NODENAME": LiveCluster.node2]) { $1 })
    return try body((shovelOutcome, federationOutcome), diagnose)
  }

  // MARK: - Names and the management API

  static func unresolvableHost(python: String) throws -> Outcome {
    let run = try Program.run(
      python, [client, "resolve", "--host", "no-such-host.invalid"], timeout: 60)
    var outcome = Outcome(
      command: "internals_client.py resolve --host no-such-host.invalid", output: run.stderr)
    if let error = line(run.stderr, "gaierror") {
      outcome.pasted.append(Paste(label: "the client's exception", text: error))
    } else {
      outcome.problem = "no gaierror:\n\(run.stderr)"
    }
    return outcome
  }

  static func management(_ scenario: InternalsScenario, python: String, log: BrokerLog) throws
    -> Outcome
  {
    let user = name()
    defer { _ = try? LiveBroker.rabbitmqctl(["-q", "delete_user", user]) }
    let request: (method: String, path: String, user: String, password: String)
    switch scenario {
    case .managementBadPassword: request = ("GET", "/api/overview", "guest", "not-the-password")
    case .managementNoTag:
      _ = try LiveBroker.rabbitmqctl(["-q", "add_user", user, "rmq-doctor-secret"])
      request = ("GET", "/api/overview", user, "rmq-doctor-secret")
    default: request = ("GET", "/api/queues///jobs", "guest", "guest")
    }
    let mark = try BrokerLog.mark(log.path)
    let response = try http(
      request.method, request.path, user: request.user, password: request.password)
    var outcome = Outcome(
      command:
        "\(request.method) \(api)\(request.path) as \(request.user == user ? "a user without tags" : request.user)",
      output: response.stdout)
    let body = response.stdout.split(separator: "\n").dropFirst().joined(separator: "\n")
    outcome.pasted.append(Paste(label: "the response body", text: body))
    if scenario.nodeLogs {
      let lines = LiveCluster.waitForLines(in: mark, timeout: 10) {
        $0.contains("HTTP access denied")
      }
      outcome.logLines = lines
      if let denied = lines.first(where: { $0.contains("HTTP access denied") }) {
        outcome.pasted.append(Paste(label: "rabbit2's log line", text: denied))
      } else {
        outcome.problem = "rabbit2 logged no HTTP access denied"
      }
    }
    return outcome
  }

  /// One request to rabbit2's management API, through the Python client.
  @discardableResult
  static func http(
    _ method: String, _ path: String, user: String, password: String, body: String? = nil
  ) throws
    -> Program.Run
  {
    let python = LiveBroker.python ?? "python3"
    return try Program.run(
      python, [client, "http", method, api + path, user, password] + (body.map { [$0] } ?? []),
      timeout: 60)
  }

  static func waitUntil(timeout: TimeInterval = 20, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
      guard Date() < deadline else {
        throw Program.Failure(description: "timed out after \(Int(timeout)) s")
      }
      Thread.sleep(forTimeInterval: 0.5)
    }
  }
}
