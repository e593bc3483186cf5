/// Reads `nstat -a` counters: a `#kernel` line, then `Name value rate` lines.
///
/// Each TCP counter becomes a finding: `TcpExtTCPAbortOnTimeout` gives
/// `tcp-abort-on-timeout`, `TcpRetransSegs` gives `tcp-retrans-segs`. A counter that is not
/// printed is absent (nstat leaves out zero counters unless run with `-z`).
enum NstatCountersParser {
  static func parse(_ lines: OutputLines) -> ParseOutcome {
    var found: [Finding] = []
    for line in lines.nonBlank where !line.hasPrefix("#") {
      let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
      guard fields.count >= 2, let value = Double(fields[1]), let id = factID(fields[0]) else {
        continue
      }
      found.append(Finding(id: id, value: value, evidence: [Evidence.clip(line)]))
    }
    return ParseOutcome(findings: found)
  }

  /// `TcpExtTCPAbortOnData` → `tcp-abort-on-data`; `nil` for counters outside TCP.
  static func factID(_ counter: String) -> String? {
    guard let prefix = ["TcpExtTCP", "TcpExt", "Tcp"].first(where: counter.hasPrefix) else {
      return nil
    }
    return "tcp-" + kebabCase(String(counter.dropFirst(prefix.count)))
  }

  /// `AbortOnTimeout` → `abort-on-timeout`, `RetransSegs` → `retrans-segs`.
  static func kebabCase(_ camelCase: String) -> String {
    var words: [String] = []
    for character in camelCase {
      if character.isUppercase || words.isEmpty {
        words.append(String(character).lowercased())
      } else {
        words[words.count - 1].append(character)
      }
    }
    return words.joined(separator: "-")
  }
}
