/// Reads `sysctl` lines such as `net.ipv4.tcp_keepalive_time = 7200`.
///
/// Each numeric setting becomes a finding named after its last component, underscores
/// turned into hyphens: `net.ipv4.tcp_keepalive_time` gives `tcp-keepalive-time`. A setting the
/// output does not show (for example `sysctl: cannot stat …`) is absent.
enum SysctlValuesParser {
  static func parse(_ lines: OutputLines) -> ParseOutcome {
    var found: [Finding] = []
    for line in lines.nonBlank {
      let parts = line.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
      guard parts.count == 2, !parts[0].contains(" "), let value = Double(parts[1]),
        let name = parts[0].split(whereSeparator: { $0 == "." || $0 == "/" }).last
      else { continue }
      let id = name.replacingOccurrences(of: "_", with: "-")
      found.append(Finding(id: id, value: value, evidence: [Evidence.clip(line)]))
    }
    return ParseOutcome(findings: found)
  }
}
