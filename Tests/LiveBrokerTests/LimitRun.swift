import Foundation

/// Every alarm and limit scenario run once against the live broker, one after the other (an
/// alarm holds the whole node), each with what it needs set up on the broker and undone right
/// after it, also when it fails; `rmq-doctor diagnose` run while the memory alarm holds; then one
/// `rmq-doctor scan --json` over what the broker logged meanwhile.
struct LimitRun: Sendable {
  /// What one scenario left behind.
  struct Outcome: Sendable {
    var clientCommand: String
    /// Everything the client printed on stderr.
    var clientOutput: String
    /// The broker's entry: the alarm's lines, or the error about the refused connection.
    var entry: BrokerLog.Entry?
    /// The lines of the broker log that show the entry.
    var entryLines: [String]
    var problem: String?

    /// The first exception the client reported, without its time and pid.
    var clientLine: String? {
      clientOutput.split(separator: "\n").map(String.init)
        .first { $0.contains("] pika.exceptions.") }
        .map(ChannelRun.Outcome.withoutProgressPrefix)
    }

    /// pika's log line for the `connection.blocked` notification.
    var blockedNotice: String? {
      clientOutput.split(separator: "\n").map(String.init).first {
        $0.contains("Connection.Blocked")
      }
    }
  }

  var outcomes: [LimitScenario: Outcome]
  /// `rmq-doctor diagnose --yes --json`, run while the memory alarm held a publisher.
  var diagnoseDuringMemoryAlarm: Program.Run?
  /// The publisher's client port during the memory alarm.
  var blockedPort: Int?
  /// `rmq-doctor scan --json` of the log lines written during the run.
  var scan: Program.Run
  /// The node-wide settings and the vhosts and users, before and after the run.
  var stateBefore: String
  var stateAfter: String

  /// The run, made the first time a test asks for it.
  static let shared: Result<LimitRun, Program.Failure> = LiveBroker.prepared(make(python:))

  /// The memory watermark, the disk limit, the vhosts and the users, as rabbitmqctl prints them.
  static func state() throws -> String {
    let settings = try LiveBroker.rabbitmqctl([
      "-q", "eval",
      "{vm_memory_monitor:get_vm_memory_high_watermark(), rabbit_disk_monitor:get_disk_free_limit()}.",
    ]).stdout
    let vhosts = try LiveBroker.rabbitmqctl(["-q", "list_vhosts"]).stdout
    let users = try LiveBroker.rabbitmqctl(["-q", "list_users"]).stdout
    let alarms = try LiveBroker.rabbitmqctl(["-q", "eval", "rabbit_alarm:get_alarms()."]).stdout
    return [settings, vhosts, users, alarms].joined(separator: "\n")
  }

  static func make(python: String) throws -> LimitRun {
    let before = try state()
    let log = try BrokerLog.mark(LiveBroker.logFile)
    var outcomes: [LimitScenario: Outcome] = [:]
    var diagnose: Program.Run?
    var blockedPort: Int?
    for scenario in LimitScenario.allCases {
      let setup = BrokerSetup()
      defer { setup.undo() }
      let name = "rmq-doctor-live-\(UUID().uuidString.prefix(8).lowercased())"
      var outcome = Outcome(
        clientCommand: "limits_client.py "
          + scenario.clientArguments(name: name).joined(separator: " "),
        clientOutput: "", entryLines: [])
      do {
        try scenario.prepare(setup, name: name)
        let client = try ClientProcess(
          python: python, scenario.clientArguments(name: name), script: ClientProcess.limitsScript)
        if scenario == .memoryAlarm {
          blockedPort = try client.port()
          try waitUntilBlocked(port: blockedPort ?? 0)
          diagnose = try LiveBroker.doctor(["diagnose", "--yes", "--json"])
        }
        client.waitForExit(timeout: 30)
        outcome.clientOutput = client.errors
        setup.undo()
        (outcome.entry, outcome.entryLines) = entry(of: scenario, name: name, in: log)
      } catch {
        outcome.problem = "\(error)"
      }
      outcomes[scenario] = outcome
    }
    let after = try state()

    let logged = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-limits-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: logged) }
    try (log.lines().joined(separator: "\n") + "\n").write(
      to: logged, atomically: true, encoding: .utf8)
    let scan = try LiveBroker.doctor(["scan", "--json", logged.path])
    return LimitRun(
      outcomes: outcomes, diagnoseDuringMemoryAlarm: diagnose, blockedPort: blockedPort, scan: scan,
      stateBefore: before, stateAfter: after)
  }

  /// Waits until `rabbitmqctl list_connections` shows the connection from `port` as blocked.
  static func waitUntilBlocked(port: Int) throws {
    let deadline = Date().addingTimeInterval(15)
    var listing = ""
    repeat {
      listing = try LiveBroker.rabbitmqctl(["-q", "list_connections", "name", "state"]).stdout
      if listing.split(separator: "\n").contains(where: {
        $0.hasPrefix("127.0.0.1:\(port) ->") && $0.hasSuffix("\tblocked")
      }) {
        return
      }
      Thread.sleep(forTimeInterval: 0.2)
    } while Date() < deadline
    throw Program.Failure(
      description: "the publisher on port \(port) was never blocked:\n\(listing)")
  }

  /// The broker's entry for `scenario`, waiting up to 5 s for it: the alarm's lines (the line
  /// that sets it and the banner written with it), or the first error about the connection
  /// named for it.
  static func entry(of scenario: LimitScenario, name: String, in log: BrokerLog) -> (
    BrokerLog.Entry?, [String]
  ) {
    let deadline = Date().addingTimeInterval(5)
    repeat {
      let lines = log.lines()
      if let alarm = scenario.alarmLine {
        if let index = lines.firstIndex(where: { $0.contains(alarm) }) {
          // The banner lines carry the same time stamp and pid as the alarm's line.
          let stamp = lines[index].split(separator: " ").prefix(4).joined(separator: " ")
          let entryLines = lines[index...].prefix { $0.hasPrefix(stamp) }
          let head = String(lines[index])
          return (
            BrokerLog.Entry(head: head, reason: entryLines.dropFirst().joined(separator: "\n")),
            Array(entryLines)
          )
        }
      } else if let pid = BrokerLog.connectionPID(
        in: lines, name: scenario.refusedConnection(name: name)),
        let entry = BrokerLog.channelEntries(in: lines, connection: pid).first
      {
        return (entry, [entry.head, entry.reason])
      }
      Thread.sleep(forTimeInterval: 0.2)
    } while Date() < deadline
    return (nil, [])
  }
}
