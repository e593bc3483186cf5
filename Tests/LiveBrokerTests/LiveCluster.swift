import Foundation

/// The two-node test cluster of `.ci/cluster-start` (rabbit@localhost and rabbit2@localhost), as
/// the cluster and internals runs use it: the second node's name, log, TLS folder and pid file,
/// running its CLI tools and `rmq-doctor`, reading what the nodes log, and what a scenario
/// leaves behind.
enum LiveCluster {
  /// A text a user would paste, and where it came from.
  struct Paste: Sendable {
    var label: String
    var text: String
    /// Whether search must be confident; otherwise the guide must only rank first.
    var confident = true
    /// The guide this text must name, when it is not the scenario's own.
    var guide: String? = nil
  }

  /// What one scenario left behind.
  struct Outcome: Sendable {
    var command: String = ""
    /// What the CLI, the client or the node printed.
    var output: String = ""
    var pasted: [Paste] = []
    /// The node log lines the scenario made.
    var logLines: [String] = []
    var problem: String?
  }

  static let node2 = "rabbit2@localhost"
  static let node2Log =
    LiveBroker.environment["RMQ_DOCTOR_NODE2_LOG"].flatMap { $0.isEmpty ? nil : $0 }
    ?? "/var/log/rabbitmq/node2/rabbit2@localhost.log"
  static let tlsDirectory =
    LiveBroker.environment["RMQ_DOCTOR_NODE2_TLS_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    ?? "/etc/rabbitmq/node2/tls"
  static let node2PIDFile = "/var/lib/rabbitmq/node2/rabbit2@localhost.pid"

  /// `body`'s outcome, or its error as the outcome's problem.
  static func capture(_ body: () throws -> Outcome) -> Outcome {
    do { return try body() } catch { return Outcome(problem: "\(error)") }
  }

  /// Whether `cluster_status --formatter json` lists both nodes as running and no partition.
  static func isWhole(_ json: String) -> Bool {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    else { return false }
    let running = object["running_nodes"] as? [String] ?? []
    let partitions = object["partitions"] as? [String: Any] ?? [:]
    return running.contains(node2) && running.contains("rabbit@localhost") && partitions.isEmpty
  }

  /// Runs `rabbitmq-diagnostics` with `arguments` (and `environment` on top of this process's).
  static func diagnostics(_ arguments: [String], environment: [String: String] = [:]) throws
    -> Program.Run
  {
    try Program.run(
      Program.locate("rabbitmq-diagnostics") ?? "/usr/sbin/rabbitmq-diagnostics", arguments,
      environment: environment,
      timeout: 90)
  }

  /// Runs `rmq-doctor` with `arguments` and the shipped content.
  static func doctor(_ arguments: [String], environment: [String: String] = [:]) throws
    -> Program.Run
  {
    try Program.run(
      LiveBroker.binary, arguments + ["--content", LiveBroker.content], environment: environment,
      timeout: 300)
  }

  /// The lines written after `log`'s mark, once one of them satisfies `wanted` or `timeout`
  /// seconds have passed.
  static func waitForLines(in log: BrokerLog, timeout: TimeInterval, _ wanted: (String) -> Bool)
    -> [String]
  {
    let deadline = Date().addingTimeInterval(timeout)
    var lines = log.lines()
    while !lines.contains(where: wanted), Date() < deadline {
      Thread.sleep(forTimeInterval: 0.5)
      lines = log.lines()
    }
    return lines
  }
}
