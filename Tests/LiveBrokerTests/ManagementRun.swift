import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The steps of the management API scenarios (ManagementScenarioTests) on the live two-node
/// cluster: `rmq-doctor diagnose --url` and `collect --url` run as a user would run them, what
/// `rabbitmqctl` and `rabbitmq-diagnostics` say at the same moment, the raw API asked directly to
/// wait out its statistics interval, pika clients that hold (and block) connections, and each
/// change to the cluster (an alarm, rabbit2's application stopped, rabbit2 suspended, a user)
/// made so that it is undone again, also when the scenario fails.
enum ManagementRun {
  static let mainURL = "http://127.0.0.1:15672"
  static let secondURL = "http://127.0.0.1:15673"
  static let mainNode = "rabbit@localhost"

  /// The client script beside this file.
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Clients/live_client.py").path

  /// A connection name no other test or helper uses.
  static func uniqueName(_ label: String) -> String {
    "rmqd-mgmt-\(label)-\(UUID().uuidString.prefix(8).lowercased())"
  }

  // MARK: - rmq-doctor

  /// `rmq-doctor diagnose --url ... --user USER --yes [--json]`, the password in
  /// RMQ_DOCTOR_PASSWORD.
  static func diagnose(
    _ urls: [String], user: String = "guest", password: String = "guest", json: Bool = true
  ) throws
    -> Program.Run
  {
    try LiveCluster.doctor(
      ["diagnose"] + urls.flatMap { ["--url", $0] } + ["--user", user, "--yes"]
        + (json ? ["--json"] : []),
      environment: ["RMQ_DOCTOR_PASSWORD": password])
  }

  /// `rmq-doctor collect --url ... --user USER --yes FOLDER`.
  static func collect(
    _ urls: [String], user: String = "guest", password: String = "guest", into folder: String
  ) throws
    -> Program.Run
  {
    try LiveCluster.doctor(
      ["collect"] + urls.flatMap { ["--url", $0] } + ["--user", user, "--yes", folder],
      environment: ["RMQ_DOCTOR_PASSWORD": password])
  }

  /// A fresh folder path under the temporary directory (not created: `collect` wants it new).
  static func bundleFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-doctor-bundle-\(UUID().uuidString)"
    ).path
  }

  /// What `diagnose --json` printed, read.
  struct Report {
    var run: Program.Run
    var object: [String: Any]

    init(_ run: Program.Run) throws {
      self.run = run
      guard
        let object = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
          as? [String: Any]
      else {
        throw Program.Failure(
          description:
            "diagnose printed no JSON object (status \(run.status)):\n\(run.stdout)\n\(run.stderr)")
      }
      self.object = object
    }

    var findings: [[String: Any]] { object["findings"] as? [[String: Any]] ?? [] }
    var facts: [[String: Any]] { object["facts"] as? [[String: Any]] ?? [] }
    var problems: [[String: Any]] { object["problems"] as? [[String: Any]] ?? [] }
    var notes: [String] { object["notes"] as? [String] ?? [] }
    var origin: String { object["origin"] as? String ?? "" }

    /// The findings of `fact`.
    func findings(of fact: String) -> [[String: Any]] {
      findings.filter { $0["fact"] as? String == fact }
    }

    /// The facts `id`, each from one source.
    func facts(_ id: String) -> [[String: Any]] { facts.filter { $0["id"] as? String == id } }

    /// The fact `id` from the answer of `node` (its source `api-...:NODE via ...`).
    func fact(_ id: String, from node: String) -> [String: Any]? {
      facts(id).first { ($0["source"] as? String ?? "").contains(":\(node) via ") }
    }

    /// Each finding as `diagnostic fact value`, sorted: what two runs must agree on.
    var findingKeys: [String] {
      findings.map {
        "\($0["diagnostic"] as? String ?? "?") \($0["fact"] as? String ?? "?") \(ManagementRun.number($0["value"]) ?? -1)"
      }.sorted()
    }

    /// The findings in one line each, for failure messages.
    var summary: String {
      findings.map {
        "\($0["fact"] ?? "?")=\($0["value"] ?? "?") -> \($0["guide"] ?? "?"): \($0["evidence"] ?? [])"
      }
      .joined(separator: "\n")
    }
  }

  static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

  static func evidence(_ item: [String: Any]?) -> [String] { item?["evidence"] as? [String] ?? [] }

  // MARK: - The evidence of connection facts

  /// One connection named in `heartbeat-zero-connections` or `blocked-connections` evidence
  /// (`timeout 0: 127.0.0.1:PORT 'name' -> node (library)`, `blocked: ...`, `blocking: ...`).
  struct Peer: Hashable, CustomStringConvertible {
    var state: String
    var port: Int
    var description: String { "\(state) \(port)" }
  }

  static func peers(in evidence: [String]) -> [Peer] {
    evidence.compactMap { line in
      guard let match = line.firstMatch(of: #/^(timeout 0|blocked|blocking): [^ ]+:(\d+)[ ']/#),
        let port = Int(match.2)
      else { return nil }
      return Peer(state: String(match.1), port: port)
    }
  }

  /// How many there were when the evidence was cut to its first lines (`… N connections in
  /// all`), else `nil`.
  static func total(in evidence: [String]) -> Int? {
    evidence.last?.firstMatch(of: #/(\d+) connections in all$/#).flatMap { Int($0.1) }
  }

  // MARK: - rabbitmqctl and rabbitmq-diagnostics

  /// One row of `rabbitmqctl list_connections peer_port timeout state` (every node's).
  struct Row: Hashable, CustomStringConvertible {
    var port: Int
    var timeout: Int
    var state: String
    var description: String { "\(port) timeout \(timeout) \(state)" }
  }

  static func connections() throws -> [Row] {
    let run = try LiveBroker.rabbitmqctl([
      "-q", "list_connections", "--no-table-headers", "peer_port", "timeout", "state",
    ])
    guard run.status == 0 else {
      throw Program.Failure(description: "rabbitmqctl list_connections failed: \(run.stderr)")
    }
    return run.stdout.split(separator: "\n").compactMap { line in
      let fields = line.split(separator: "\t").map(String.init)
      guard fields.count == 3, let port = Int(fields[0]), let timeout = Int(fields[1]) else {
        return nil
      }
      return Row(port: port, timeout: timeout, state: fields[2])
    }
  }

  /// `body` run between two `rabbitmqctl list_connections`, again (up to `deadline`) until
  /// both listings are the same and `agrees` holds for the listing and what `body` returned:
  /// what rabbitmqctl says at the moment `body` ran. The last attempt is returned either way,
  /// for the test to judge.
  static func atOneMoment<T>(
    for seconds: TimeInterval = 20, _ body: () throws -> T, agrees: ([Row], T) -> Bool
  ) throws -> (rows: [Row], value: T, steady: Bool) {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      let before = try connections()
      let value = try body()
      let after = try connections()
      let steady = Set(before) == Set(after)
      if (steady && agrees(after, value)) || Date() >= deadline { return (after, value, steady) }
      Thread.sleep(forTimeInterval: 1)
    }
  }

  /// The nodes for which `rabbitmq-diagnostics alarms`, asked of each node, reports a local
  /// memory alarm.
  static func memoryAlarmNodes() throws -> Set<String> {
    var nodes: Set<String> = []
    for node in [mainNode, LiveCluster.node2] {
      let run = try LiveCluster.diagnostics(["-n", node, "-q", "alarms", "--formatter", "json"])
      guard
        let object = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
          as? [String: Any]
      else {
        throw Program.Failure(
          description: "rabbitmq-diagnostics -n \(node) alarms: \(run.stdout)\(run.stderr)")
      }
      for alarm in object["local"] as? [String] ?? [] where alarm.hasPrefix("Memory alarm on node ")
      {
        nodes.insert(String(alarm.dropFirst("Memory alarm on node ".count)))
      }
    }
    return nodes
  }

  // MARK: - The raw API

  /// `GET path` of the management API on 127.0.0.1:`port` as guest, its JSON; `nil` when it
  /// does not answer 200 within 5 s.
  static func api(_ path: String, port: Int = 15672) -> Any? {
    guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { return nil }
    var request = URLRequest(url: url, timeoutInterval: 5)
    request.setValue(
      "Basic " + Data("guest:guest".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization"
    )
    let body = Collected()
    let done = DispatchSemaphore(value: 0)
    URLSession.shared.dataTask(with: request) { data, response, _ in
      if let data, (response as? HTTPURLResponse)?.statusCode == 200 { body.set(data) }
      done.signal()
    }.resume()
    guard done.wait(timeout: .now() + 10) == .success, !body.value.isEmpty else { return nil }
    return try? JSONSerialization.jsonObject(with: body.value)
  }

  /// The state of each connection `GET /api/connections` lists, by client port.
  static func apiConnectionStates(port: Int = 15672) -> [Int: String] {
    let items =
      api("/api/connections?columns=peer_port,state", port: port) as? [[String: Any]] ?? []
    var states: [Int: String] = [:]
    for item in items {
      if let peer = number(item["peer_port"]) { states[Int(peer)] = item["state"] as? String ?? "" }
    }
    return states
  }

  /// Polls every half second until `condition` holds or `seconds` pass; whether it held. The
  /// management API lists what its statistics collector saw, up to 5 s late.
  @discardableResult
  static func wait(_ seconds: TimeInterval, until condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      if try condition() { return true }
      if Date() >= deadline { return false }
      Thread.sleep(forTimeInterval: 0.5)
    }
  }

  // MARK: - Clients

  /// A pika connection held by `Clients/live_client.py hold`, named `name`.
  static func client(python: String, name: String, heartbeat: Int? = nil, publish: Bool = false)
    throws -> ClientProcess
  {
    try ClientProcess(
      python: python,
      ["hold", "--seconds", "120", "--name", name]
        + (heartbeat.map { ["--heartbeat", "\($0)"] } ?? []) + (publish ? ["--publish"] : []),
      script: script)
  }

  /// Clients that a scenario opens, all finished by `finish`, also when the scenario fails.
  final class Clients: @unchecked Sendable {
    private(set) var all: [ClientProcess] = []
    func add(_ client: ClientProcess) -> ClientProcess {
      all.append(client)
      return client
    }
    func finish() {
      for client in all { client.finish(timeout: 5) }
      all = []
    }
  }

  // MARK: - Changes to the cluster, each with its undo

  /// The memory high watermark of rabbit@localhost as `rabbitmqctl eval` prints it.
  static func watermark() throws -> String {
    try LiveBroker.rabbitmqctl(["-q", "eval", "vm_memory_monitor:get_vm_memory_high_watermark()."])
      .stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Sets rabbit@localhost's relative memory high watermark.
  static func setWatermark(_ value: String) throws {
    let run = try LiveBroker.rabbitmqctl(["-q", "set_vm_memory_high_watermark", value])
    guard run.status == 0 else {
      throw Program.Failure(description: "set_vm_memory_high_watermark \(value): \(run.stderr)")
    }
  }

  /// `rabbitmqctl add_user NAME PASSWORD` with `tags`; `deleteUser` undoes it.
  static func addUser(_ name: String, password: String, tags: [String]) throws {
    // A leftover of an interrupted run.
    _ = try? LiveBroker.rabbitmqctl(["-q", "delete_user", name])
    for arguments in [["add_user", name, password], ["set_user_tags", name] + tags] {
      let run = try LiveBroker.rabbitmqctl(["-q"] + arguments)
      guard run.status == 0 else {
        throw Program.Failure(description: "rabbitmqctl \(arguments.first ?? ""): \(run.stderr)")
      }
    }
  }

  static func deleteUser(_ name: String) {
    _ = try? LiveBroker.rabbitmqctl(["-q", "delete_user", name])
  }

  static func userExists(_ name: String) -> Bool {
    let users =
      (try? LiveBroker.rabbitmqctl(["-q", "list_users", "--no-table-headers"]).stdout) ?? ""
    return users.split(separator: "\n").contains {
      $0.split(separator: "\t").first.map(String.init) == name
    }
  }

  /// Whether `cluster_status` lists both nodes running and no partition, and rabbit2's
  /// management API answers again.
  static func clusterIsWhole() -> Bool {
    guard
      let status = try? LiveCluster.diagnostics(["-q", "cluster_status", "--formatter", "json"])
        .stdout,
      LiveCluster.isWhole(status)
    else { return false }
    return (api("/api/overview", port: 15673) as? [String: Any])?["node"] as? String
      == LiveCluster.node2
  }

  /// Stops rabbit2's RabbitMQ application (its management listener stops with it) and waits
  /// until rabbit@localhost no longer lists it as running.
  static func stopNode2App() throws {
    let run = try LiveBroker.rabbitmqctl(["-n", LiveCluster.node2, "-q", "stop_app"])
    guard run.status == 0 else {
      throw Program.Failure(description: "stop_app on \(LiveCluster.node2): \(run.stderr)")
    }
    let down = try wait(30) {
      let status = try LiveCluster.diagnostics(["-q", "cluster_status", "--formatter", "json"])
        .stdout
      let object = try? JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any]
      return !((object?["running_nodes"] as? [String]) ?? [LiveCluster.node2]).contains(
        LiveCluster.node2)
    }
    guard down else {
      throw Program.Failure(
        description: "rabbit@localhost still lists \(LiveCluster.node2) as running")
    }
  }

  /// Starts rabbit2's application again and waits (up to 90 s) until the cluster is whole and
  /// rabbit2's management API answers; whether it is.
  @discardableResult
  static func startNode2App() -> Bool {
    _ = try? LiveBroker.rabbitmqctl(["-n", LiveCluster.node2, "-q", "start_app"])
    return wait(90) { clusterIsWhole() }
  }

  /// rabbit2's `beam.smp` pid.
  static func node2PID() throws -> Int32 {
    let text = try String(contentsOfFile: LiveCluster.node2PIDFile, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard let pid = Int32(text) else {
      throw Program.Failure(description: "no pid in \(LiveCluster.node2PIDFile)")
    }
    return pid
  }

  /// The partition ClusterRun makes: rabbit2 suspended until rabbit@localhost logs it down
  /// (net_tick_timeout), then resumed; then waits (up to `seconds`) until both nodes' `/api/nodes`
  /// list a partition. The caller heals it with `ClusterRun.heal(pid:)` in a defer. Returns
  /// the node-down log line and whether both list the partition.
  static func partition(pid: Int32, seconds: TimeInterval = 60) throws -> (
    downLine: String, bothList: Bool
  ) {
    let mark = try BrokerLog.mark(LiveBroker.logFile)
    kill(pid, SIGSTOP)
    let down = LiveCluster.waitForLines(in: mark, timeout: 45) {
      $0.contains("down: net_tick_timeout")
    }
    kill(pid, SIGCONT)
    guard let downLine = down.first(where: { $0.contains("down: net_tick_timeout") }) else {
      throw Program.Failure(
        description: "rabbit@localhost did not log net_tick_timeout within 45 s")
    }
    let bothList = wait(seconds) { [15672, 15673].allSatisfy(listsPartition(port:)) }
    return (downLine, bothList)
  }

  /// Whether the node behind 127.0.0.1:`port` lists a partition for some member.
  static func listsPartition(port: Int) -> Bool {
    let nodes = api("/api/nodes?columns=name,partitions", port: port) as? [[String: Any]] ?? []
    return nodes.contains { !(($0["partitions"] as? [Any]) ?? []).isEmpty }
  }

  // MARK: - Bundles

  /// Every regular file in `folder` with its contents.
  static func files(in folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      files[name] = String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name)),
        as: UTF8.self)
    }
    return files
  }

  /// The `client_properties.connection_name` of each connection in an `/api/connections`
  /// answer (a bundle file: JSON, so `/` may be written `\/`).
  static func connectionNames(in json: String) -> [String] {
    let items = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]] ?? []
    return items.compactMap {
      ($0["client_properties"] as? [String: Any])?["connection_name"] as? String
    }
  }

  /// The manifest's entries.
  static func manifestEntries(in folder: String) throws -> [[String: Any]] {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("manifest.json"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return object?["entries"] as? [[String: Any]] ?? []
  }
}
