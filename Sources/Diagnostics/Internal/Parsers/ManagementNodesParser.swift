/// Reads `GET /api/nodes`: each member as the answering node sees it.
///
/// Finds `cluster-nodes`, `cluster-nodes-down` (not `running`), `network-partitions` (members
/// whose `partitions` list is not empty), `memory-alarms` and `disk-alarms` (members with
/// `mem_alarm` or `disk_free_alarm` true), and over the running members the highest
/// `memory-used-percent-of-watermark`, `file-descriptors-used-percent` and
/// `sockets-used-percent`, the lowest `disk-free-percent-of-limit` and `node-uptime-seconds`.
enum ManagementNodesParser {
  static func parse(_ text: String) -> ParseOutcome {
    let nodes: [[String: Any]]
    switch ManagementJSON.parse(text) {
    case .failure(let problem): return .problem(problem.text)
    case .success(let value):
      guard let items = ManagementJSON.items(value, eachHolding: ["running"]),
        items.allSatisfy({ $0["name"] is String })
      else {
        return .problem("not an /api/nodes answer: expected a list of nodes with names")
      }
      nodes = items
    }
    let name = { (node: [String: Any]) in node["name"] as? String ?? "?" }
    let running = nodes.filter { ManagementJSON.bool($0, "running") ?? false }
    let down = nodes.filter { !(ManagementJSON.bool($0, "running") ?? false) }
    let partitioned = nodes.filter { !(($0["partitions"] as? [Any]) ?? []).isEmpty }
    let memory = nodes.filter { ManagementJSON.bool($0, "mem_alarm") ?? false }
    let disk = nodes.filter { ManagementJSON.bool($0, "disk_free_alarm") ?? false }
    let partitionLine = { (node: [String: Any]) -> String in
      let others = ((node["partitions"] as? [Any]) ?? []).map { "\($0)" }.joined(separator: ", ")
      return "\(name(node)): partitions [\(others)]"
    }
    var findings = [
      Finding(
        id: "cluster-nodes", value: Double(nodes.count),
        evidence: Evidence.lines(nodes.map(name), noun: "nodes")),
      .count("cluster-nodes-down", down, noun: "nodes", none: "every member is running") {
        "\(name($0)): running false"
      },
      .count(
        "network-partitions", partitioned, noun: "nodes", none: "no member lists a partition",
        line: partitionLine),
      .count("memory-alarms", memory, noun: "nodes", none: "mem_alarm false on every node") {
        "\(name($0)): mem_alarm true"
      },
      .count("disk-alarms", disk, noun: "nodes", none: "disk_free_alarm false on every node") {
        "\(name($0)): disk_free_alarm true"
      },
    ]
    let extremes: [(id: String, used: String, total: String, highest: Bool)] = [
      ("memory-used-percent-of-watermark", "mem_used", "mem_limit", true),
      ("file-descriptors-used-percent", "fd_used", "fd_total", true),
      ("sockets-used-percent", "sockets_used", "sockets_total", true),
      ("disk-free-percent-of-limit", "disk_free", "disk_free_limit", false),
    ]
    for extreme in extremes {
      let values = running.compactMap { node -> (String, Double, Double, Double)? in
        guard let used = ManagementJSON.number(node, extreme.used),
          let total = ManagementJSON.number(node, extreme.total),
          let percent = ManagementJSON.percent(used, of: total)
        else { return nil }
        return (name(node), percent, used, total)
      }
      let pick = extreme.highest ? values.max { $0.1 < $1.1 } : values.min { $0.1 < $1.1 }
      guard let (node, percent, used, total) = pick else { continue }
      findings.append(
        Finding(
          id: extreme.id, value: percent,
          evidence: [
            "\(node): \(extreme.used) \(Int(used)) of \(extreme.total) \(Int(total)) (\(percent)%)"
          ]))
    }
    let uptimes = running.compactMap { node in
      ManagementJSON.number(node, "uptime").map { (name(node), $0 / 1000) }
    }
    if let (node, seconds) = uptimes.min(by: { $0.1 < $1.1 }) {
      findings.append(
        Finding(
          id: "node-uptime-seconds", value: seconds.rounded(),
          evidence: ["\(node): up \(Int(seconds)) s"]))
    }
    return ParseOutcome(findings: findings)
  }
}
