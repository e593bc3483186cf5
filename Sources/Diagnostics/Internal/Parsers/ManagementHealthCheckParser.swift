/// Reads `GET /api/health/checks/...`: `{"status":"ok"}` (HTTP 200) or `{"status":"failed",
/// "reason":...}` (HTTP 503). Finds `health-check-failed`, 1 or 0, with the reason and what the
/// check lists (alarms, queues, virtual hosts, listeners) as evidence.
enum ManagementHealthCheckParser {
  static func parse(_ text: String) -> ParseOutcome {
    let object: [String: Any]
    switch ManagementJSON.parse(text) {
    case .failure(let problem): return .problem(problem.text)
    case .success(let value):
      guard let found = value as? [String: Any], let status = found["status"] as? String else {
        return .problem("not a health check answer: no status")
      }
      guard status == "ok" || status == "failed" else {
        return .problem("unknown health check status '\(status)'")
      }
      object = found
    }
    guard object["status"] as? String == "failed" else {
      return ParseOutcome(findings: [
        Finding(id: "health-check-failed", value: 0, evidence: ["status ok"])
      ])
    }
    var evidence = ["status failed: \(object["reason"] as? String ?? "no reason given")"]
    for (key, value) in object.sorted(by: { $0.key < $1.key })
    where !["status", "reason"].contains(key) {
      let items = (value as? [Any]) ?? [value]
      let shown = items.prefix(3).map { item -> String in
        guard let fields = item as? [String: Any] else { return "\(item)" }
        return fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
          separator: " ")
      }
      evidence += shown.map { "\(key): \($0)" }
    }
    return ParseOutcome(findings: [
      Finding(
        id: "health-check-failed", value: 1, evidence: Evidence.lines(evidence, noun: "lines"))
    ])
  }
}
