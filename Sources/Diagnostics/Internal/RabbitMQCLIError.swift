/// Describes the `Error:` outputs of `rabbitmqctl` and `rabbitmq-diagnostics` in one line.
enum RabbitMQCLIError {
  /// One line for an output whose first line starts with `Error:`.
  ///
  /// With the node stopped the CLI prints `Error: unable to perform an operation on node` and
  /// epmd's `node 'rabbit' not running at all`; `ping` prints `Error:` and
  /// `Failed to connect and authenticate to rabbit@host in 60000 ms`.
  static func describe(program: String, head: [String], all: [String]) -> String {
    if all.contains(where: { $0.contains("not running at all") || $0.contains("nodedown") }) {
      return "the node is not running"
    }
    let cookie = ["Authentication failed", "Erlang distribution failed"]
    if all.contains(where: { line in cookie.contains { line.contains($0) } }) {
      return "the CLI could not authenticate to the node (its Erlang cookie does not match)"
    }
    let message = head.first.map { String($0.dropFirst("Error:".count)) } ?? ""
    let text = message.allSatisfy(\.isWhitespace) ? (head.dropFirst().first ?? "") : message
    let clipped = Evidence.clip(text)
    if clipped.hasPrefix("Failed to connect") { return "cannot reach the node: \(clipped)" }
    return "\(program.isEmpty ? "the command" : program) failed: \(clipped)"
  }
}
