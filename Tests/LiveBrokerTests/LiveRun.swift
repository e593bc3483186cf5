import Foundation

/// Every log scenario run once against the live broker, at the same time, then one live
/// `rmq-doctor diagnose --json` over the result.
struct LiveRun: Sendable {
  /// What one scenario left behind.
  struct Outcome: Sendable {
    var clientCommand: String
    /// The last line the client printed: the exception the application saw, or its progress.
    var clientSaw: String
    /// The broker's entry for the scenario's connection.
    var entry: BrokerLog.Entry?
    /// Every line the broker wrote about the connection, for failure messages.
    var connectionLines: [String]
    var problem: String?
  }

  var outcomes: [LogScenario: Outcome]
  var diagnose: Program.Run

  /// The run, made the first time a test asks for it.
  static let shared: Result<LiveRun, Program.Failure> = LiveBroker.prepared(make(python:))

  static func make(python: String) throws -> LiveRun {
    let log = try BrokerLog.mark(LiveBroker.logFile)
    let slots = Slots<LogScenario, Outcome>()
    let group = DispatchGroup()
    for scenario in LogScenario.allCases {
      // One thread each: the scenarios wait on the broker, not on the CPU.
      DispatchQueue.global().async(group: group) {
        slots.set(scenario, run(scenario, python: python, log: log))
      }
    }
    group.wait()
    let diagnose = try LiveBroker.doctor(["diagnose", "--yes", "--json"])
    return LiveRun(outcomes: slots.values, diagnose: diagnose)
  }

  /// Runs one scenario and waits for the broker's entry about it.
  static func run(_ scenario: LogScenario, python: String, log: BrokerLog) -> Outcome {
    let name = "rmq-doctor-live-\(UUID().uuidString.prefix(8).lowercased())"
    let arguments = scenario.clientArguments(name: name)
    var outcome = Outcome(
      clientCommand: "live_client.py " + arguments.joined(separator: " "), clientSaw: "",
      entry: nil, connectionLines: [])
    do {
      let client = try ClientProcess(python: python, arguments)
      defer {
        client.finish()
        outcome.clientSaw = client.lastError
      }
      let found: (entry: BrokerLog.Entry?, lines: [String])
      switch scenario {
      case .wrongPassword:
        // The login fails before pika shows its socket; the connection is found by its name.
        found = log.waitForEntry(name: name, timeout: scenario.entryTimeout)
      case .closedByOperator:
        let port = try client.port()
        try closeConnection(fromPort: port)
        found = log.waitForEntry(port: port, timeout: scenario.entryTimeout)
      default:
        found = log.waitForEntry(port: try client.port(), timeout: scenario.entryTimeout)
      }
      outcome.entry = found.entry
      outcome.connectionLines = found.lines
    } catch {
      outcome.problem = "\(error)"
    }
    return outcome
  }

  /// `rabbitmqctl close_connection` for the connection from client `port`.
  static func closeConnection(fromPort port: Int) throws {
    let listing = try LiveBroker.rabbitmqctl([
      "-q", "--no-table-headers", "list_connections", "pid", "peer_port",
    ])
    guard
      let row = listing.stdout.split(separator: "\n").first(where: { $0.hasSuffix("\t\(port)") }),
      let pid = row.split(separator: "\t").first
    else {
      throw Program.Failure(
        description:
          "rabbitmqctl lists no connection from port \(port): \(listing.stdout)\(listing.stderr)")
    }
    let close = try LiveBroker.rabbitmqctl([
      "close_connection", String(pid), "Closed by operator (rmq-doctor live test)",
    ])
    guard close.status == 0 else {
      throw Program.Failure(
        description: "rabbitmqctl close_connection failed: \(close.stdout)\(close.stderr)")
    }
  }
}
