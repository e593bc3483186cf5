/// Reads what the RabbitMQ CLI tools print about reaching a node: `rabbitmq-diagnostics
/// check_running` and `erlang_cookie_hash` when they succeed, and the report they print when
/// they cannot reach the node at all (which other parsers treat as a failed run).
///
/// The report (3.7 and later) starts `Error: unable to perform an operation on node 'N'` and
/// lists under DIAGNOSTICS what the CLI saw, one `*` line each: `epmd reports: node 'rabbit' not
/// running at all`, `epmd reports node 'rabbit' uses port 25672 ...` followed by `TCP connection
/// succeeded but Erlang distribution failed` (a cookie the node rejects, or a name it does not
/// answer to), `unable to connect to epmd (port 4369) on HOST: nxdomain ...`, `can't establish TCP
/// connection to the target node, reason: timeout` (the distribution port filtered), and `Current node
/// details` with the CLI's own `Erlang cookie hash`. Older CLIs print `unable to connect to node
/// N: nodedown`; `ping` prints `Failed to connect and authenticate to N in 60000 ms`.
///
/// Finds, from a report: `cli-node-unreachable` (1), `cli-node-not-running`,
/// `cli-cookie-rejected`, `cli-epmd-unreachable`, `cli-host-unresolved`, `cli-dist-unreachable`
/// and `cli-invalid-node-name` (each 1 or 0). From a successful `check_running`:
/// `node-app-running` 1 (0 for `is not running or has not fully booted yet`) and
/// `cli-node-unreachable` 0; from a cookie hash: `cookie-hash-mismatch` 0. A report whose
/// distribution failed gives `cookie-hash-mismatch` 1, with the CLI's hash as evidence.
enum NodeReachabilityParser {
  static func parse(_ lines: OutputLines) -> ParseOutcome {
    let text = lines.nonBlank.map(\.trimmed)
    if let report = report(text) { return ParseOutcome(findings: report) }
    if let line = text.first(where: { $0.contains(" is fully booted and running") }) {
      return ParseOutcome(findings: [
        Finding(id: "node-app-running", value: 1, evidence: [line]),
        Finding(id: "cli-node-unreachable", value: 0, evidence: ["the CLI reached the node"]),
      ])
    }
    if let line = text.first(where: { $0.contains("is not running or has not fully booted yet") }) {
      return ParseOutcome(findings: [
        Finding(id: "node-app-running", value: 0, evidence: [line]),
        Finding(
          id: "cli-node-unreachable", value: 0,
          evidence: ["the CLI reached the node; the RabbitMQ application is not running"]),
      ])
    }
    let hashes = text.filter(isCookieHash)
    if hashes.count == 1 {
      return ParseOutcome(findings: [
        Finding(
          id: "cookie-hash-mismatch", value: 0,
          evidence: [
            "the node answered with its cookie hash \(hashes[0]): the CLI's cookie is the same"
          ]),
        Finding(id: "cli-node-unreachable", value: 0, evidence: ["the CLI reached the node"]),
      ])
    }
    return ParseOutcome()
  }

  /// The facts of a report that the CLI could not reach the node, or `nil` for other output.
  static func report(_ text: [String]) -> [Finding]? {
    let unreachable = text.first { line in
      line.contains("unable to perform an operation on node")
        || line.contains("unable to connect to node")
        || line.hasPrefix("Failed to connect and authenticate to ")
    }
    let invalidName = text.first { $0.contains("failed due to invalid node name") }
    guard let headline = unreachable ?? invalidName else {
      // 3.10's erlang_cookie_hash crashes instead of printing the report; it says only that the
      // node did not answer, whatever the reason.
      guard let crash = text.first(where: { $0.contains("{:badrpc, :nodedown}") }) else {
        return nil
      }
      return [Finding(id: "cli-node-unreachable", value: 1, evidence: [crash])]
    }
    let cliHash = text.first { $0.hasPrefix("* Erlang cookie hash:") }
    func fact(_ id: String, _ matching: [String], _ otherwise: String) -> Finding {
      let hit = text.filter { line in matching.contains { line.contains($0) } }
      return Finding(
        id: id, value: hit.isEmpty ? 0 : 1,
        evidence: hit.isEmpty ? [otherwise] : Array(hit.prefix(3)))
    }
    let distribution = ["Erlang distribution failed", "Authentication failed"]
    var rejectedFact = fact(
      "cli-cookie-rejected", distribution, "the report does not say authentication failed")
    if rejectedFact.value > 0, let cliHash {
      rejectedFact.evidence.append(
        "the CLI's \(cliHash.dropFirst(2)) (compare with the node's: erlang_cookie_hash as the node's user)"
      )
    }
    var found = [
      Finding(id: "cli-node-unreachable", value: 1, evidence: [headline]),
      fact(
        "cli-node-not-running", ["not running at all", ": nodedown"],
        "epmd did not say the node is not running"),
      rejectedFact,
      fact("cli-epmd-unreachable", ["unable to connect to epmd"], "the CLI reached epmd"),
      fact("cli-host-unresolved", ["nxdomain", "non-existing domain"], "the host name resolved"),
      fact(
        "cli-dist-unreachable", ["can't establish TCP connection to the target node"],
        "the report does not say the node's port refused the connection"),
      fact("cli-invalid-node-name", ["invalid node name"], "the node name was accepted"),
    ]
    let rejected = text.contains { line in distribution.contains { line.contains($0) } }
    found.append(
      Finding(
        id: "cookie-hash-mismatch", value: rejected ? 1 : 0,
        evidence: rejected
          ? [
            "the node rejected the CLI's cookie"
              + (cliHash.map { "; the CLI's \($0.dropFirst(2))" } ?? "")
          ]
          : ["the report does not say the node rejected the CLI's cookie"]))
    return found
  }

  /// A line that is only a cookie hash: base64 of an MD5 digest (24 characters ending `==`).
  static func isCookieHash(_ line: String) -> Bool {
    line.count == 24 && line.hasSuffix("==")
      && line.dropLast(2).allSatisfy {
        $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/")
      }
  }
}
