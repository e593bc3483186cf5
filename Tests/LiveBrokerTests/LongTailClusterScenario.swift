import Foundation
import Testing

/// Cluster formation and feature flags, made live with RabbitMQ nodes the run starts itself
/// (lt3d, lt3e and lt3f@localhost, AMQP 5734-5736, distribution 25734-25736, their data under a
/// temporary folder), never with the test broker or rabbit2: a member forgotten while it was
/// down, a member restarted while its peer stays down, peer discovery pointed at a node that does
/// not exist, a join with another Erlang cookie, and a node first booted with two feature flags.
enum LongTailClusterScenario: String, CaseIterable, Sendable, CustomStringConvertible,
  CustomTestStringConvertible
{
  case forgottenMember = "a member forgotten while it was down, started again"
  case peerDown = "a member restarted while the peer that stopped after it stays down"
  case discoveryNoPeer = "classic_config peer discovery naming a node that does not exist"
  case joinOtherCookie = "join_cluster from a node with another Erlang cookie"
  case flagsDisabled = "a node first booted with RABBITMQ_FEATURE_FLAGS naming two flags"

  var testDescription: String { rawValue }
  var description: String { rawValue }

  var guide: String {
    switch self {
    case .flagsDisabled: "upgrade-feature-flags"
    default: "cluster-formation"
    }
  }

  /// Whether a node logs a line the scan must count under the guide.
  var nodeLogs: Bool {
    switch self {
    case .forgottenMember, .peerDown, .discoveryNoPeer: true
    case .joinOtherCookie, .flagsDisabled: false
    }
  }
}

/// The nodes of one scenario: lt3d, lt3e and lt3f@localhost, each with its data, log,
/// configuration and pid file under `folder`, started through Debian's `rabbitmq-server` wrapper
/// (which runs them as the rabbitmq user). `stopAll` stops every node it started.
final class LongTailNodes: @unchecked Sendable {
  static let letters = ["d", "e", "f"]
  static let otherCookie = "LT3LIVEOTHERCOOKIE"
  let folder: URL
  private var started: [String: String?] = [:]
  /// The server scripts this object runs, by node letter.
  private var servers: [String: Process] = [:]

  init(folder: URL) { self.folder = folder }

  static func name(_ letter: String) -> String { "lt3\(letter)@localhost" }
  static func amqp(_ letter: String) -> Int { 5734 + (letters.firstIndex(of: letter) ?? 0) }

  func directory(_ letter: String) -> URL { folder.appendingPathComponent(letter) }

  /// What makes the wrapper and the CLI use this node's name, ports and files.
  func environment(_ letter: String) -> [String: String] {
    let dir = directory(letter).path
    return [
      "RABBITMQ_NODENAME": Self.name(letter), "RABBITMQ_NODE_PORT": "\(Self.amqp(letter))",
      "RABBITMQ_DIST_PORT": "\(Self.amqp(letter) + 20000)", "RABBITMQ_MNESIA_BASE": dir + "/mnesia",
      "RABBITMQ_LOG_BASE": dir + "/log", "RABBITMQ_CONFIG_FILE": dir + "/node.conf",
      "RABBITMQ_PID_FILE": dir + "/node.pid",
      "RABBITMQ_ENABLED_PLUGINS_FILE": dir + "/enabled_plugins",
      "ERL_CRASH_DUMP": dir + "/log/erl_crash.dump",
    ]
  }

  /// A fresh folder for the node (data and log folders owned by the rabbitmq user), with its
  /// rabbitmq.conf.
  func prepare(_ letter: String, conf: [String]) throws {
    let dir = directory(letter)
    try? FileManager.default.removeItem(at: dir)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for sub in ["", "/mnesia", "/log"] {
      let made = try Program.run(
        "/usr/bin/install", ["-d", "-o", "rabbitmq", "-g", "rabbitmq", dir.path + sub], timeout: 10)
      guard made.status == 0 else {
        throw Program.Failure(description: "install -d \(dir.path + sub): \(made.stderr)")
      }
    }
    try
      ((["listeners.tcp.default = 127.0.0.1:\(Self.amqp(letter))"] + conf).joined(separator: "\n")
      + "\n")
      .write(toFile: dir.path + "/node.conf", atomically: true, encoding: .utf8)
    try "[].\n".write(toFile: dir.path + "/enabled_plugins", atomically: true, encoding: .utf8)
  }

  /// The server script run as the rabbitmq user (as the Debian service runs it).
  static func server(_ arguments: [String]) -> [String] {
    [
      Program.locate("runuser") ?? "/usr/sbin/runuser", "-u", "rabbitmq", "--",
      "/usr/lib/rabbitmq/bin/rabbitmq-server",
    ] + arguments
  }

  /// Starts the node and waits until it has booted. The server script runs in the foreground, as
  /// the Debian service runs it, with no pipe of ours, and is stopped with the node.
  func start(
    _ letter: String, conf: [String] = [], cookie: String? = nil,
    environment extra: [String: String] = [:]
  ) throws {
    try prepare(letter, conf: conf)
    var env = ProcessInfo.processInfo.environment.merging(environment(letter).merging(extra) { $1 })
    { $1 }
    if let cookie { env["RABBITMQ_ERLANG_COOKIE"] = cookie }
    started.updateValue(cookie, forKey: letter)
    let process = Process()
    let command = Self.server([])
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try Program.start(process) } catch {
      throw Program.Failure(description: "could not start \(Self.name(letter)): \(error)")
    }
    servers[letter] = process
    var tries = 0
    while tries < 90, process.isRunning,
      (try? ctl(letter, ["-q", "ping"], tool: "rabbitmq-diagnostics", cookie: cookie))?.status != 0
    {
      tries += 1
      Thread.sleep(forTimeInterval: 1)
    }
    guard process.isRunning else {
      throw Program.Failure(
        description:
          "\(Self.name(letter)) exited during its boot (status \(process.terminationStatus))")
    }
    let booted = try ctl(letter, ["-q", "await_startup", "--timeout", "120"], cookie: cookie)
    guard booted.status == 0 else {
      throw Program.Failure(
        description: "\(Self.name(letter)) did not boot: \(booted.stdout)\(booted.stderr)")
    }
  }

  /// Runs `rabbitmq-server` for the node in the foreground until it exits (a failed boot), at most
  /// 120 s.
  func foreground(_ letter: String) throws -> Program.Run {
    if started[letter] == nil { started.updateValue(nil, forKey: letter) }
    return try Program.run(
      Program.locate("timeout") ?? "/usr/bin/timeout", ["120"] + Self.server([]),
      environment: environment(letter), timeout: 150)
  }

  /// Runs `tool` (rabbitmqctl by default) against the node.
  @discardableResult
  func ctl(
    _ letter: String, _ arguments: [String], tool: String = "rabbitmqctl", cookie: String? = nil
  ) throws -> Program.Run {
    let cookieArguments = cookie.map { ["--erlang-cookie", $0] } ?? []
    return try Program.run(
      Program.locate(tool) ?? "/usr/sbin/\(tool)",
      ["-n", Self.name(letter)] + cookieArguments + arguments, timeout: 150)
  }

  /// stop_app, join_cluster, start_app on `letter`.
  func join(_ letter: String, to other: String) throws {
    try ctl(letter, ["stop_app"])
    let join = try ctl(letter, ["join_cluster", Self.name(other)])
    guard join.status == 0 else {
      throw Program.Failure(description: "join_cluster failed: \(join.stdout)\(join.stderr)")
    }
    try ctl(letter, ["start_app"])
  }

  /// The node's log file, line by line (empty when it wrote none).
  func logLines(_ letter: String) -> [String] {
    let text =
      (try? String(
        contentsOfFile: directory(letter).path + "/log/\(Self.name(letter)).log", encoding: .utf8))
      ?? ""
    return text.split(separator: "\n").map(String.init)
  }

  func logLines() -> [String] { Self.letters.flatMap { logLines($0) } }

  /// Stops every node this object started: rabbitmqctl shutdown, then its pid, then its server
  /// script if that still runs after 30 s; never throws.
  func stopAll() {
    for (letter, cookie) in started {
      _ = try? ctl(letter, ["-q", "shutdown"], cookie: cookie)
      let pidText =
        (try? String(contentsOfFile: directory(letter).path + "/node.pid", encoding: .utf8)) ?? ""
      if let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1,
        kill(pid, 0) == 0
      {
        kill(pid, SIGTERM)
      }
    }
    for process in servers.values {
      var waited = 0
      while process.isRunning, waited < 300 {
        waited += 1
        Thread.sleep(forTimeInterval: 0.1)
      }
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
    servers = [:]
    started = [:]
  }
}
