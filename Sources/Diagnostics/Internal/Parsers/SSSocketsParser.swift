/// Reads `ss -t` socket lists, with or without the `State` column (ss drops it under a state
/// filter), with `-o` timers, `-p` processes and `-i` detail lines (which are skipped).
///
/// For established sockets it finds `retransmitting-sockets` (a `timer:(on,…)`),
/// `keepalive-sockets` (a `timer:(keepalive,…)`) and `max-send-queue-bytes`. For listening
/// sockets on 5672 or 5671 it finds `amqp-listening-sockets`,
/// `amqp-loopback-listening-sockets` and `amqp-max-accept-queue` (the largest Recv-Q). Counts
/// are 0 when ss lists no such socket; the maximums are absent when there is none.
enum SSSocketsParser {
  static let amqpPorts: Set<String> = ["5672", "5671"]

  static func parse(_ lines: OutputLines) -> ParseOutcome {
    var header: String?
    var sockets: [SSSocket] = []
    for line in lines.nonBlank {
      if line.first?.isWhitespace == true { continue }
      if ["State", "Recv-Q", "Netid"].contains(where: line.hasPrefix) {
        header = header ?? line
      } else if let socket = SSSocket(line: line) {
        sockets.append(socket)
      }
    }
    guard header != nil || !sockets.isEmpty || lines.isBlank else { return ParseOutcome() }
    let connected = sockets.filter { !$0.isListening }
    let listening = sockets.filter { $0.isListening && amqpPorts.contains($0.local.port) }
    var found = [
      count(
        connected.filter { $0.timer?.name == "on" }, "retransmitting-sockets", header,
        none: "no socket has a retransmission timer, timer:(on,…)"),
      count(
        connected.filter { $0.timer?.name == "keepalive" }, "keepalive-sockets", header,
        none: "no socket has a keepalive timer, timer:(keepalive,…)"),
      count(
        listening, "amqp-listening-sockets", header,
        none: "no socket listens on port 5672 or 5671"),
      count(
        listening.filter(\.local.isLoopback), "amqp-loopback-listening-sockets", header,
        none: "no AMQP listening socket is bound to a loopback address"),
    ]
    if let fullest = connected.max(by: { $0.sendQueue < $1.sendQueue }) {
      found.append(largest(fullest, \.sendQueue, "max-send-queue-bytes", header))
    }
    if let fullest = listening.max(by: { $0.receiveQueue < $1.receiveQueue }) {
      var finding = largest(fullest, \.receiveQueue, "amqp-max-accept-queue", header)
      finding.evidence.append(
        "on a LISTEN line Recv-Q (\(fullest.receiveQueue)) counts connections waiting to be "
          + "accepted and Send-Q (\(fullest.sendQueue)) is the backlog")
      found.append(finding)
    }
    return ParseOutcome(findings: found)
  }

  static func count(_ sockets: [SSSocket], _ id: String, _ header: String?, none: String)
    -> Finding
  {
    let evidence =
      sockets.isEmpty
      ? (header.map { [Evidence.clip($0)] } ?? []) + [none]
      : Evidence.lines(sockets.map(\.line), header: header, noun: "sockets")
    return Finding(id: id, value: Double(sockets.count), evidence: evidence)
  }

  static func largest(
    _ socket: SSSocket, _ value: KeyPath<SSSocket, Int>, _ id: String, _ header: String?
  ) -> Finding {
    Finding(
      id: id, value: Double(socket[keyPath: value]),
      evidence: Evidence.lines([socket.line], header: header))
  }
}
