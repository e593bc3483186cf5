/// Reads `GET /api/connections`, every page joined into one list (or one page object).
///
/// Finds `connection-count`, `heartbeat-zero-connections` (negotiated `timeout` 0; the peers
/// in the evidence), `blocked-connections` (`state` blocked or blocking) and `client-libraries`
/// (each `client_properties` product and version, with its count).
enum ManagementConnectionsParser {
  static func parse(_ text: String) -> ParseOutcome {
    let connections: [[String: Any]]
    switch ManagementJSON.parse(text) {
    case .failure(let problem): return .problem(problem.text)
    case .success(let value):
      guard
        let items = ManagementJSON.items(
          value, eachHolding: ["peer_host", "timeout", "state", "client_properties"])
      else {
        return .problem("not an /api/connections answer: expected a list of connections")
      }
      connections = items
    }
    let describe = { (connection: [String: Any]) -> String in
      let peer = "\(connection["peer_host"] ?? "?"):\(connection["peer_port"] ?? "?")"
      let node = connection["node"] as? String ?? "?"
      let properties = connection["client_properties"] as? [String: Any] ?? [:]
      let name =
        (properties["connection_name"] as? String).map { " '\(Evidence.maskingURLPasswords($0))'" }
        ?? ""
      return "\(peer)\(name) -> \(node) (\(Self.library(connection)))"
    }
    let heartbeatOff = connections.filter { ManagementJSON.number($0, "timeout") == 0 }
    let blocked = connections.filter {
      ["blocked", "blocking"].contains($0["state"] as? String ?? "")
    }
    var libraries: [String: Int] = [:]
    for connection in connections { libraries[Self.library(connection), default: 0] += 1 }
    return ParseOutcome(findings: [
      Finding(
        id: "connection-count", value: Double(connections.count),
        evidence: [
          connections.isEmpty
            ? "no client connections" : "\(connections.count) connection(s) listed"
        ]),
      .count(
        "heartbeat-zero-connections", heartbeatOff, noun: "connections",
        none: "every connection negotiated a heartbeat"
      ) { "timeout 0: \(describe($0))" },
      .count(
        "blocked-connections", blocked, noun: "connections",
        none: "no connection is blocked or blocking"
      ) {
        "\($0["state"] ?? ""): \(describe($0))"
      },
      Finding(
        id: "client-libraries", value: Double(libraries.count),
        evidence: Evidence.lines(
          libraries.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            "\($0.key): \($0.value) connection(s)"
          },
          noun: "libraries")),
    ])
  }

  /// `product version` from the client's properties, as far as it says.
  static func library(_ connection: [String: Any]) -> String {
    let properties = connection["client_properties"] as? [String: Any] ?? [:]
    let product = properties["product"] as? String ?? "unnamed client"
    return [product, properties["version"] as? String].compactMap { $0 }.joined(separator: " ")
  }
}
