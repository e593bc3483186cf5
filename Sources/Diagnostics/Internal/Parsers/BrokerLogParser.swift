/// Counts connection-error entries in a broker log, one count per reason
/// (see `BrokerLogReason`), in every log format RabbitMQ has used (see `BrokerLogMessage`).
///
/// An entry is two lines, `closing AMQP connection <pid> (client -> broker …):` and the
/// reason; the reason line is what is counted, and the evidence shows both. A log with no
/// such entry gives 0 for every reason, and so does journalctl's `-- No entries --`.
enum BrokerLogParser {
  static func parse(_ lines: OutputLines) -> ParseOutcome {
    let all = lines.all
    var entries: [BrokerLogReason: [[String]]] = [:]
    for (index, line) in all.enumerated() where BrokerLogReason.mayMatch(line) {
      let messages = BrokerLogMessage.messages(in: line)
      for reason in BrokerLogReason.allCases where messages.contains(where: reason.matches) {
        let previous = index > 0 ? all[index - 1] : ""
        let namesConnection =
          previous.contains("closing AMQP connection")
          || previous.contains("Error on AMQP connection")
        entries[reason, default: []].append(namesConnection ? [previous, line] : [line])
      }
    }
    let lineCount = lines.nonBlank.count
    let findings = BrokerLogReason.allCases.map { reason in
      let found = entries[reason] ?? []
      let evidence =
        found.isEmpty
        ? ["no entry with reason \(reason.label) among \(lineCount) log lines"]
        : shown(found)
      return Finding(id: reason.factID, value: Double(found.count), evidence: evidence)
    }
    return ParseOutcome(findings: findings)
  }

  /// As many whole entries as fit, the latest ones (the log runs oldest first, and the last
  /// entries are the ones an incident is about), and a count when some are left out.
  static func shown(_ entries: [[String]]) -> [String] {
    var kept: [[String]] = []
    var lineCount = 0
    for entry in entries.reversed() {
      let room = Evidence.lineLimit - (kept.count + 1 < entries.count ? 1 : 0)
      guard lineCount + entry.count <= room else { break }
      kept.insert(entry.map(Evidence.clip), at: 0)
      lineCount += entry.count
    }
    var lines = kept.flatMap { $0 }
    if kept.count < entries.count { lines.append("… \(entries.count) entries in all") }
    return lines
  }
}
