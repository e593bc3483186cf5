import Foundation

/// Every channel scenario run once against the live broker, at the same time, with what they
/// need set up on the broker and undone afterwards, also when a scenario fails; then one
/// `rmq-doctor scan --json` over what the broker logged meanwhile.
struct ChannelRun: Sendable {
  /// What one scenario left behind.
  struct Outcome: Sendable {
    var clientCommand: String
    /// Everything the client printed on stderr.
    var clientOutput: String
    /// The broker's entry for the scenario's connection.
    var entry: BrokerLog.Entry?
    /// Every line the broker wrote about the connection.
    var connectionLines: [String]
    var problem: String?

    /// The client's own report of the error: the last `...ClosedByBroker` exception, else
    /// pika's `Received remote Channel.Close` log line (a consumer's channel closed under it).
    var clientLine: String? {
      let lines = clientOutput.split(separator: "\n").map(String.init)
      return lines.last { $0.contains("ClosedByBroker: (") }.map(Self.withoutProgressPrefix)
        ?? lines.first { $0.contains("Received remote Channel.Close") }
    }

    /// `09:13:15 [25142] pika.exceptions...` without the client's time and pid.
    static func withoutProgressPrefix(_ line: String) -> String {
      line.replacing(#/^\d\d:\d\d:\d\d \[\d+\] /#, with: "")
    }
  }

  var outcomes: [ChannelScenario: Outcome]
  /// `rmq-doctor scan --json` of the log lines written during the run.
  var scan: Program.Run
  /// The broker's settings after the run was undone, for the test that they are as before.
  var settingsBefore: String
  var settingsAfter: String
  var userLeft: Bool

  /// The run, made the first time a test asks for it.
  static let shared: Result<ChannelRun, Program.Failure> = LiveBroker.prepared(make(python:))

  /// The two settings the scenarios lower, as `rabbitmqctl eval` prints them.
  static let settingsQuery =
    "{application:get_env(rabbit, consumer_timeout), application:get_env(rabbit, max_message_size)}."

  static func make(python: String) throws -> ChannelRun {
    let before = try LiveBroker.rabbitmqctl(["-q", "eval", settingsQuery]).stdout
    let setup = BrokerSetup()
    defer { setup.undo() }
    try setup.run(["add_user", ChannelScenario.noWriteUser, ChannelScenario.noWritePassword])
    try setup.run(["set_permissions", "-p", "/", ChannelScenario.noWriteUser, ".*", "", ".*"])
    try setup.lower("consumer_timeout", to: "5000")
    try setup.lower("max_message_size", to: "4096")

    let log = try BrokerLog.mark(LiveBroker.logFile)
    let slots = Slots<ChannelScenario, Outcome>()
    let group = DispatchGroup()
    for scenario in ChannelScenario.allCases {
      DispatchQueue.global().async(group: group) {
        slots.set(scenario, run(scenario, python: python, log: log))
      }
    }
    group.wait()
    setup.undo()
    let after = try LiveBroker.rabbitmqctl(["-q", "eval", settingsQuery]).stdout
    let users = try LiveBroker.rabbitmqctl(["-q", "list_users"]).stdout

    let logged = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-channel-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: logged) }
    try (log.lines().joined(separator: "\n") + "\n").write(
      to: logged, atomically: true, encoding: .utf8)
    let scan = try LiveBroker.doctor(["scan", "--json", logged.path])
    return ChannelRun(
      outcomes: slots.values, scan: scan, settingsBefore: before, settingsAfter: after,
      userLeft: users.contains(ChannelScenario.noWriteUser))
  }

  /// Runs one scenario to its end and finds the broker's entry about its connection.
  static func run(_ scenario: ChannelScenario, python: String, log: BrokerLog) -> Outcome {
    let name = "rmq-doctor-live-\(UUID().uuidString.prefix(8).lowercased())"
    let arguments = scenario.clientArguments(name: name)
    var outcome = Outcome(
      clientCommand: "channel_client.py " + arguments.joined(separator: " "), clientOutput: "",
      entry: nil, connectionLines: [])
    do {
      let client = try ClientProcess(python: python, arguments, script: ClientProcess.channelScript)
      client.waitForExit(timeout: scenario.timeout)
      outcome.clientOutput = client.errors
      let deadline = Date().addingTimeInterval(5)
      repeat {
        let lines = log.lines()
        if let pid = BrokerLog.connectionPID(in: lines, name: name) {
          outcome.connectionLines = lines.filter { $0.contains(pid) }
          // A follow-on error is the connection's last entry; any other scenario's is its first.
          let entries = BrokerLog.channelEntries(in: lines, connection: pid)
          outcome.entry =
            scenario.firstError == nil ? entries.first : (entries.count > 1 ? entries.last : nil)
          if outcome.entry != nil { break }
        }
        Thread.sleep(forTimeInterval: 0.2)
      } while Date() < deadline
    } catch {
      outcome.problem = "\(error)"
    }
    return outcome
  }
}

/// Values filled from concurrent work, by key.
final class Slots<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
  private var stored: [Key: Value] = [:]
  private let lock = NSLock()

  func set(_ key: Key, _ value: Value) {
    lock.lock()
    stored[key] = value
    lock.unlock()
  }

  var values: [Key: Value] {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
}
