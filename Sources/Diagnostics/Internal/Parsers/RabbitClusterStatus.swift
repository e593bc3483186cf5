/// Reads `rabbitmq-diagnostics cluster_status` (3.8 and later): the `Disk Nodes`, `RAM Nodes`,
/// `Running Nodes` and `Network Partitions` sections, one node or partition per line.
///
/// Finds `cluster-nodes` (the members: disk and RAM nodes), `cluster-nodes-down` (members not
/// among the running nodes and not on the other side of a listed partition, named in the
/// evidence) and `network-partitions` (the lines of the
/// partitions section, such as `Node rabbit@a cannot communicate with rabbit2@a`; `(none)` gives
/// 0). A node sees a partition only once the nodes are connected again: while the other side
/// is unreachable it is listed as down instead.
enum RabbitClusterStatus {
  static func findings(_ lines: OutputLines) -> [Finding] {
    guard let disk = RabbitNodeStatus.section("Disk Nodes", in: lines.all),
      let running = RabbitNodeStatus.section("Running Nodes", in: lines.all)
    else { return [] }
    let ram = RabbitNodeStatus.section("RAM Nodes", in: lines.all) ?? []
    let members = (disk + ram).map(\.trimmed).filter { $0.contains("@") }
    let up = Set(running.map(\.trimmed))
    let partitions = RabbitNodeStatus.section("Network Partitions", in: lines.all)?
      .map(\.trimmed).filter { $0 != "(none)" }
    // A member on the other side of a listed partition is reported as the partition, not as down.
    let partitioned = Set(
      members.filter { member in partitions?.contains { $0.hasSuffix(" " + member) } ?? false })
    let down = members.filter { !up.contains($0) && !partitioned.contains($0) }
    var found = [
      Finding(
        id: "cluster-nodes", value: Double(members.count),
        evidence: Evidence.lines(members, noun: "nodes")),
      Finding(
        id: "cluster-nodes-down", value: Double(down.count),
        evidence: down.isEmpty
          ? [
            partitioned.isEmpty
              ? "every member is running"
              : "every member runs, or is on the other side of a partition"
          ]
          : Evidence.lines(down.map { "\($0) is a member but not running" }, noun: "nodes")),
    ]
    if let partitions {
      found.append(
        Finding(
          id: "network-partitions", value: Double(partitions.count),
          evidence: partitions.isEmpty
            ? ["Network Partitions: (none)"] : Evidence.lines(partitions, noun: "partitions")))
    }
    return found
  }
}
