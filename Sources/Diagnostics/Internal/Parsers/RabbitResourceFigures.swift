/// Reads how close a node is to each resource limit, from `rabbitmq-diagnostics status`.
///
/// - `memory-used-percent-of-watermark`: `Total memory used: 0.127 gb` against the value after
///   `computed to:` on the `Memory high watermark setting:` line.
/// - `disk-free-percent-of-limit`: `Free disk space: 79.8879 gb` against
///   `Low free disk space watermark: 0.05 gb`.
/// - `file-descriptors-used-percent` and `sockets-used-percent`: `Total: 30, limit: 31` and
///   `Sockets: 25, limit: 25` under `File Descriptors` (the socket line is 3.x only).
///
/// Percentages are rounded to one decimal; a limit of 0 gives no figure.
enum RabbitResourceFigures {
  static func findings(_ lines: OutputLines) -> [Finding] {
    var found: [Finding] = []
    let all = lines.all.map(\.trimmed)
    if let used = all.first(where: { $0.hasPrefix("Total memory used:") }),
      let watermark = all.first(where: { $0.hasPrefix("Memory high watermark setting:") }),
      let usedBytes = bytes(after: "Total memory used:", in: used),
      let limitBytes = bytes(after: "computed to:", in: watermark), limitBytes > 0
    {
      found.append(
        Finding(
          id: "memory-used-percent-of-watermark", value: percent(usedBytes, of: limitBytes),
          evidence: [used, watermark]))
    }
    if let free = all.first(where: { $0.hasPrefix("Free disk space:") }),
      let limit = all.first(where: { $0.hasPrefix("Low free disk space watermark:") }),
      let freeBytes = bytes(after: "Free disk space:", in: free),
      let limitBytes = bytes(after: "watermark:", in: limit), limitBytes > 0
    {
      found.append(
        Finding(
          id: "disk-free-percent-of-limit", value: percent(freeBytes, of: limitBytes),
          evidence: [limit, free]))
    }
    if let section = RabbitNodeStatus.section("File Descriptors", in: lines.all)?.map(\.trimmed) {
      for (prefix, id) in [
        ("Total:", "file-descriptors-used-percent"), ("Sockets:", "sockets-used-percent"),
      ] {
        guard let line = section.first(where: { $0.hasPrefix(prefix) }),
          let (used, limit) = usedAndLimit(line),
          limit > 0
        else { continue }
        found.append(Finding(id: id, value: percent(used, of: limit), evidence: [line]))
      }
    }
    return found
  }

  /// `Total: 30, limit: 31` as (30, 31).
  static func usedAndLimit(_ line: String) -> (Double, Double)? {
    let parts = line.split(separator: ",")
    guard parts.count == 2, let used = Double(RabbitNodeStatus.value(of: String(parts[0]))),
      let limit = Double(RabbitNodeStatus.value(of: String(parts[1])))
    else { return nil }
    return (used, limit)
  }

  /// The size after `marker` in `line`, such as `0.0025 gb`, in bytes.
  static func bytes(after marker: String, in line: String) -> Double? {
    guard let range = line.range(of: marker) else { return nil }
    let words = line[range.upperBound...].split(separator: " ")
    guard words.count >= 2, let number = Double(words[0]),
      let unit = unitBytes[words[1].lowercased().trimmingCharacters(in: .punctuationCharacters)]
    else { return nil }
    return number * unit
  }

  /// The units `--unit` accepts, as RabbitMQ's CLI prints them.
  static let unitBytes: [String: Double] = [
    "bytes": 1, "kb": 1e3, "kib": 1024, "mb": 1e6, "mib": 1_048_576, "gb": 1e9,
    "gib": 1_073_741_824,
    "tb": 1e12, "tib": 1_099_511_627_776,
  ]

  static func percent(_ part: Double, of whole: Double) -> Double {
    (part / whole * 1000).rounded() / 10
  }
}
