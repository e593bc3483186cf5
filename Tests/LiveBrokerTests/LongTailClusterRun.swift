import Foundation
import Testing

/// Every cluster-formation and feature-flag scenario run once with nodes of the run's own
/// (`LongTailClusterScenario`), one after the other; each scenario stops its nodes when it ends,
/// also when it fails, and the run removes its folder. Then one `scan` of everything the nodes
/// logged. Nothing here touches rabbit@localhost or rabbit2@localhost.
struct LongTailClusterRun: Sendable {
  typealias Outcome = LiveCluster.Outcome
  typealias Paste = LiveCluster.Paste

  var outcomes: [LongTailClusterScenario: Outcome]
  var scan: Program.Run
  /// The node names epmd still knew after the run (none of ours may be left).
  var leftRunning: [String]

  static let shared: Result<LongTailClusterRun, Program.Failure> = {
    if let missing = LongTailClusterRun.missing {
      return .failure(Program.Failure(description: missing))
    }
    return LiveBroker.prepared { _ in try LongTailClusterRun.make() }
  }()

  /// Why nodes of our own cannot be started here, beyond what the live suite needs.
  static let missing: String? = {
    if Program.locate("rabbitmq-server") == nil {
      return "rabbitmq-server is not installed (apt-get install rabbitmq-server)"
    }
    if (try? Program.run("/usr/bin/id", ["-u", "rabbitmq"], timeout: 10))?.status != 0 {
      return "no rabbitmq user"
    }
    return nil
  }()

  /// Skips (or under CI fails) the running test when the live suite or our nodes cannot run.
  static func require(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try LiveBroker.require(sourceLocation: sourceLocation)
    guard let missing else { return }
    if LiveBroker.underCI {
      throw Program.Failure(description: "CI=true, and our nodes cannot start: \(missing)")
    }
    try Test.cancel("cluster formation tests skipped: \(missing)", sourceLocation: sourceLocation)
  }

  static func make() throws -> LongTailClusterRun {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-lt3-live-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: base) }
    var run = LongTailClusterRun(
      outcomes: [:], scan: Program.Run(stdout: "", stderr: "", status: 0), leftRunning: [])
    var logs: [String] = []
    for scenario in LongTailClusterScenario.allCases {
      let folder = base.appendingPathComponent(
        String(describing: scenario).split(separator: " ").prefix(3).joined(separator: "-"))
      let nodes = LongTailNodes(folder: folder)
      run.outcomes[scenario] = LiveCluster.capture {
        defer { nodes.stopAll() }
        return try body(scenario, nodes)
      }
      logs += nodes.logLines()
    }
    let names =
      (try? Program.run(Program.locate("epmd") ?? "/usr/bin/epmd", ["-names"], timeout: 10).stdout)
      ?? ""
    run.leftRunning = names.split(separator: "\n").compactMap { line in
      let words = line.split(separator: " ")
      return words.count > 1 && words[1].hasPrefix("lt3")
        && LongTailNodes.letters.contains(String(words[1].dropFirst(3)))
        ? String(words[1]) : nil
    }
    let logged = base.appendingPathComponent("nodes.log")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    try (logs.joined(separator: "\n") + "\n").write(to: logged, atomically: true, encoding: .utf8)
    run.scan = try LiveBroker.doctor(["scan", "--json", logged.path])
    return run
  }

  static func body(_ scenario: LongTailClusterScenario, _ nodes: LongTailNodes) throws -> Outcome {
    switch scenario {
    case .forgottenMember: try forgottenMember(nodes)
    case .peerDown: try peerDown(nodes)
    case .discoveryNoPeer: try discoveryNoPeer(nodes)
    case .joinOtherCookie: try joinOtherCookie(nodes)
    case .flagsDisabled: try flagsDisabled(nodes)
    }
  }

  /// The first line of `text` that holds `marker`, trimmed.
  static func line(_ text: String, _ marker: String) -> String? {
    text.split(separator: "\n").first { $0.contains(marker) }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  /// Adds the first line holding `marker` in `text` as a paste, or records that it is missing.
  static func paste(_ outcome: inout Outcome, _ label: String, _ text: String, _ marker: String) {
    if let found = line(text, marker) {
      outcome.pasted.append(Paste(label: label, text: found))
    } else {
      outcome.problem =
        (outcome.problem.map { $0 + "; " } ?? "") + "no line with \(marker) in \(label)"
    }
  }

  /// lt3e joins lt3d, stops, is forgotten by lt3d, and is started again in the foreground.
  static func forgottenMember(_ nodes: LongTailNodes) throws -> Outcome {
    try nodes.start("d")
    try nodes.start("e")
    try nodes.join("e", to: "d")
    _ = try nodes.ctl("e", ["shutdown"])
    _ = try nodes.ctl("d", ["forget_cluster_node", LongTailNodes.name("e")])
    let boot = try nodes.foreground("e")
    var outcome = Outcome(
      command: "rabbitmq-server (lt3e, forgotten by lt3d while it was down)",
      output: boot.stdout + boot.stderr)
    outcome.logLines = nodes.logLines("e")
    paste(&outcome, "the boot output", outcome.output, "thinks it's clustered with node")
    paste(
      &outcome, "the node's log line", outcome.logLines.joined(separator: "\n"),
      "thinks it's clustered with node")
    return outcome
  }

  /// lt3d and lt3e clustered and stopped (lt3e last); lt3d started alone with short waits.
  static func peerDown(_ nodes: LongTailNodes) throws -> Outcome {
    let wait = [
      "mnesia_table_loading_retry_timeout = 3000", "mnesia_table_loading_retry_limit = 2",
    ]
    try nodes.start("d", conf: wait)
    try nodes.start("e", conf: wait)
    try nodes.join("e", to: "d")
    _ = try nodes.ctl("d", ["shutdown"])
    _ = try nodes.ctl("e", ["shutdown"])
    let boot = try nodes.foreground("d")
    var outcome = Outcome(
      command: "rabbitmq-server (lt3d alone, lt3e stopped last)", output: boot.stdout + boot.stderr)
    outcome.logLines = nodes.logLines("d")
    paste(
      &outcome, "the BACKGROUND line", outcome.output,
      "This cluster node was shut down while other nodes were still running.")
    paste(
      &outcome, "the node's warning", outcome.logLines.joined(separator: "\n"),
      "Error while waiting for Mnesia tables")
    return outcome
  }

  /// A blank lt3f whose classic_config list names lt3z@localhost, which does not exist.
  static func discoveryNoPeer(_ nodes: LongTailNodes) throws -> Outcome {
    try nodes.start(
      "f",
      conf: [
        "cluster_formation.peer_discovery_backend = classic_config",
        "cluster_formation.classic_config.nodes.1 = lt3z@localhost",
        "cluster_formation.discovery_retry_limit = 2",
        "cluster_formation.discovery_retry_interval = 500",
      ])
    var outcome = Outcome(command: "rabbitmq-server (lt3f, classic_config naming lt3z@localhost)")
    outcome.logLines = nodes.logLines("f")
    let log = outcome.logLines.joined(separator: "\n")
    paste(&outcome, "the node's warning", log, "Could not auto-cluster with node lt3z@localhost")
    paste(&outcome, "the node's configuration warning", log, "is not part of configured nodes")
    return outcome
  }

  /// lt3e started with another cookie asks to join lt3d.
  static func joinOtherCookie(_ nodes: LongTailNodes) throws -> Outcome {
    try nodes.start("d")
    try nodes.start("e", cookie: LongTailNodes.otherCookie)
    _ = try nodes.ctl("e", ["stop_app"], cookie: LongTailNodes.otherCookie)
    let join = try nodes.ctl(
      "e", ["join_cluster", LongTailNodes.name("d")], cookie: LongTailNodes.otherCookie)
    _ = try nodes.ctl("e", ["start_app"], cookie: LongTailNodes.otherCookie)
    var outcome = Outcome(
      command: "rabbitmqctl -n lt3e@localhost --erlang-cookie ... join_cluster lt3d@localhost",
      output: join.stdout + join.stderr)
    outcome.logLines = nodes.logLines("d")
    if join.status == 0 { outcome.problem = "join_cluster succeeded with another cookie" }
    paste(&outcome, "join_cluster's first line", outcome.output, "Clustering node")
    return outcome
  }

  /// lt3f first booted with two flags; list_feature_flags shows the others disabled.
  static func flagsDisabled(_ nodes: LongTailNodes) throws -> Outcome {
    try nodes.start(
      "f", environment: ["RABBITMQ_FEATURE_FLAGS": "quorum_queue,implicit_default_bindings"])
    let list = try nodes.ctl("f", ["list_feature_flags"])
    var outcome = Outcome(
      command: "rabbitmqctl -n lt3f@localhost list_feature_flags", output: list.stdout + list.stderr
    )
    outcome.logLines = nodes.logLines("f")
    if !outcome.output.contains("stream_queue\tdisabled") {
      outcome.problem = "list_feature_flags shows no disabled flag:\n\(outcome.output)"
    }
    // A second node, every flag enabled, joins: 3.10 enables the union and logs its flag file.
    try nodes.start("e")
    try nodes.join("e", to: "f")
    let enable = try nodes.ctl("f", ["enable_feature_flag", "all"])
    outcome.output += enable.stdout + enable.stderr
    outcome.logLines = nodes.logLines("e")
    paste(
      &outcome, "the joining node's warning", outcome.logLines.joined(separator: "\n"),
      "the previous instance of this node must have failed to write")
    paste(
      &outcome, "enable_feature_flag's output", enable.stdout + enable.stderr,
      "Enabling all feature flags")
    return outcome
  }
}
