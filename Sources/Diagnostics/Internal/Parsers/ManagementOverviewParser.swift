/// Reads `GET /api/overview`: the churn rates across the cluster (`churn_rates`, whose
/// `*_details.rate` is per second), with the node that answered and the versions as evidence.
enum ManagementOverviewParser {
  static func parse(_ text: String) -> ParseOutcome {
    let object: [String: Any]
    switch ManagementJSON.parse(text) {
    case .failure(let problem): return .problem(problem.text)
    case .success(let value):
      guard let found = value as? [String: Any],
        found["rabbitmq_version"] != nil || found["management_version"] != nil
      else {
        return .problem("not an /api/overview answer: no rabbitmq_version")
      }
      object = found
    }
    let node = object["node"] as? String ?? "an unnamed node"
    let version =
      object["rabbitmq_version"] as? String ?? object["management_version"] as? String ?? "?"
    let erlang = object["erlang_version"] as? String ?? "?"
    let cluster = object["cluster_name"] as? String ?? "?"
    let about = "\(node) answered: RabbitMQ \(version), Erlang \(erlang), cluster \(cluster)"
    var findings: [Finding] = []
    let rates = [
      ("connection-churn-per-second", "connection_created", "connections opened"),
      ("connection-close-per-second", "connection_closed", "connections closed"),
      ("channel-churn-per-second", "channel_created", "channels opened"),
    ]
    for (id, key, noun) in rates {
      guard let rate = ManagementJSON.value(object, path: "churn_rates.\(key)_details.rate"),
        let value = ManagementJSON.number(["rate": rate], "rate")
      else { continue }
      let total = ManagementJSON.value(object, path: "churn_rates.\(key)").map { "\($0)" } ?? "?"
      let rounded = (value * 10).rounded() / 10
      findings.append(
        Finding(
          id: id, value: rounded,
          evidence: [about, "churn_rates.\(key): \(total) since start, \(rounded)/s now (\(noun))"])
      )
    }
    return ParseOutcome(findings: findings)
  }
}
