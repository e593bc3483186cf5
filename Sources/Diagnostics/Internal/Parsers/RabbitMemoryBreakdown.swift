/// Reads `rabbitmq-diagnostics memory_breakdown` (and the same lines under `Memory` in
/// `status`): one `category: 0.0313 gb (24.49%)` line per category, the percentage of the total.
///
/// Finds the share of a few groups of categories, summed: `memory-queues-percent`,
/// `memory-connections-percent`, `memory-binary-percent`, `memory-quorum-ets-percent` and
/// `memory-management-percent`. Output without such lines gives nothing.
enum RabbitMemoryBreakdown {
  static let groups: [(id: String, categories: Set<String>)] = [
    (
      "memory-queues-percent",
      [
        "queue_procs", "queue_slave_procs", "quorum_queue_procs", "quorum_queue_dlx_procs",
        "stream_queue_procs", "stream_queue_replica_reader_procs", "stream_queue_coordinator_procs",
      ]
    ),
    (
      "memory-connections-percent",
      ["connection_readers", "connection_writers", "connection_channels", "connection_other"]
    ),
    ("memory-binary-percent", ["binary"]),
    ("memory-quorum-ets-percent", ["quorum_ets"]),
    ("memory-management-percent", ["mgmt_db", "metrics"]),
  ]

  static func findings(_ lines: OutputLines) -> [Finding] {
    let entries = lines.all.compactMap(entry)
    guard !entries.isEmpty else { return [] }
    return groups.map { group in
      let members = entries.filter { group.categories.contains($0.category) }
      let total = members.reduce(0) { $0 + $1.percent }
      let shown = members.filter { $0.percent > 0 }.map(\.line)
      return Finding(
        id: group.id, value: (total * 100).rounded() / 100,
        evidence: shown.isEmpty
          ? ["\(group.categories.sorted().joined(separator: ", ")): 0%"]
          : Evidence.lines(shown, noun: "categories"))
    }
  }

  /// `code: 0.0313 gb (24.49%)` or `(24.49 %)`.
  static func entry(_ raw: String) -> (category: String, percent: Double, line: String)? {
    let line = raw.trimmed
    guard let colon = line.firstIndex(of: ":"), line.hasSuffix("%)"),
      let open = line.lastIndex(of: "(")
    else { return nil }
    let category = String(line[..<colon])
    guard !category.isEmpty, category.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
      return nil
    }
    let number = line[line.index(after: open)...].dropLast(2).trimmingCharacters(in: .whitespaces)
    guard let percent = Double(number) else { return nil }
    return (category, percent, line)
  }
}
