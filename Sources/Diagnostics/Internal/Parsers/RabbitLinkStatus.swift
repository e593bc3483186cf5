/// Reads what the shovel and federation plugins' CLI commands print.
///
/// `rabbitmqctl shovel_status` (3.8 and later): `Shovel status on node N`, then a tab-separated
/// table whose header names the columns (`... name ... state termination_reason type vhost`);
/// `state` is `running`, `starting` (connecting, or retrying after a failure) or `terminated`.
/// `rabbitmqctl federation_status`: `Listing federation links on node N...` and an Erlang list of
/// maps, one per link, with `status => running` (or `starting`, `error`, `shutdown`) and, for a
/// link in error, `error => {auth_failure, "..."}` and the like.
///
/// Finds `shovels` and `shovels-down` (not `running`), `federation-links` and
/// `federation-links-down` (status not `running`).
enum RabbitLinkStatus {
  static func findings(_ lines: OutputLines) -> [Finding] {
    shovels(lines) + federationLinks(lines)
  }

  static func shovels(_ lines: OutputLines) -> [Finding] {
    guard lines.nonBlank.contains(where: { $0.hasPrefix("Shovel status on node") }) else {
      return []
    }
    let rows = lines.nonBlank.filter { $0.contains("\t") }
    guard let header = rows.first?.components(separatedBy: "\t"),
      let state = header.firstIndex(of: "state")
    else {
      return [
        Finding(id: "shovels", value: 0, evidence: ["no shovel on this node"]),
        Finding(id: "shovels-down", value: 0, evidence: ["no shovel on this node"]),
      ]
    }
    let name = header.firstIndex(of: "name")
    let reason = header.firstIndex(of: "termination_reason")
    let shovels = rows.dropFirst().map { $0.components(separatedBy: "\t") }
    let down = shovels.filter { $0.count > state && $0[state] != "running" }
    let describe = { (row: [String]) -> String in
      let named = name.flatMap { $0 < row.count ? row[$0] : nil } ?? "?"
      let why = reason.flatMap { $0 < row.count && !row[$0].isEmpty ? ": \(row[$0])" : nil } ?? ""
      return "shovel \(named) is \(row.count > state ? row[state] : "?")\(why)"
    }
    return [
      Finding(
        id: "shovels", value: Double(shovels.count),
        evidence: Evidence.lines(shovels.map(describe), noun: "shovels")),
      Finding(
        id: "shovels-down", value: Double(down.count),
        evidence: down.isEmpty
          ? ["every shovel is running"] : Evidence.lines(down.map(describe), noun: "shovels")),
    ]
  }

  static func federationLinks(_ lines: OutputLines) -> [Finding] {
    guard lines.nonBlank.contains(where: { $0.hasPrefix("Listing federation links") }) else {
      return []
    }
    let text = lines.nonBlank.map(\.trimmed)
    let statuses = text.flatMap(statuses)
    let down = statuses.filter { $0 != "running" }
    // `error =>` ends its line when the reason is long; the reason is then the next line.
    var errors: [String] = []
    for (index, line) in text.enumerated() where line.contains("error =>") {
      let next = line.hasSuffix("error =>") && index + 1 < text.count ? " " + text[index + 1] : ""
      errors.append(line + next)
    }
    let upstreams = text.filter { $0.contains("upstream => ") }
    let summary =
      statuses.isEmpty
      ? ["no federation link on this node"] : ["statuses: " + statuses.joined(separator: ", ")]
    return [
      Finding(
        id: "federation-links", value: Double(statuses.count),
        evidence: summary + Evidence.lines(upstreams, limit: 3)),
      Finding(
        id: "federation-links-down", value: Double(down.count),
        evidence: down.isEmpty ? summary : Evidence.lines(summary + errors, noun: "lines")),
    ]
  }

  /// Each `status => X` on a line.
  static func statuses(_ line: String) -> [String] {
    line.components(separatedBy: "status => ").dropFirst().map { rest in
      String(rest.prefix { $0.isLetter || $0 == "_" })
    }
  }
}
