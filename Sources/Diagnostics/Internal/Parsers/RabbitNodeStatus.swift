/// Reads `rabbitmq-diagnostics status` (3.8 and later), whose section headings carry ANSI
/// bold escapes even in a file; `OutputLines` has already removed them.
///
/// Finds `node-uptime-seconds` (`Uptime (seconds): 23`), `node-under-maintenance`
/// (`Is under maintenance?: true` gives 1) and `active-alarm-count` (the lines of the Alarms
/// section; `(none)` gives 0).
enum RabbitNodeStatus {
  static func findings(_ lines: OutputLines) -> [Finding] {
    var found: [Finding] = []
    if let line = lines.all.first(where: { $0.hasPrefix("Uptime (seconds):") }),
      let seconds = Double(value(of: line))
    {
      found.append(Finding(id: "node-uptime-seconds", value: seconds, evidence: [line.trimmed]))
    }
    if let line = lines.all.first(where: { $0.hasPrefix("Is under maintenance?:") }) {
      let flag = value(of: line).lowercased()
      if flag == "true" || flag == "false" {
        found.append(
          Finding(
            id: "node-under-maintenance", value: flag == "true" ? 1 : 0, evidence: [line.trimmed]))
      }
    }
    if let alarms = section("Alarms", in: lines.all) {
      let listed = alarms.filter { $0.trimmed != "(none)" }
      found.append(
        Finding(
          id: "active-alarm-count", value: Double(listed.count),
          evidence: Evidence.lines(alarms, header: "Alarms", noun: "alarms")))
    }
    return found
  }

  /// The text after the first `": "`.
  static func value(of line: String) -> String {
    guard let range = line.range(of: ": ") else { return "" }
    return String(line[range.upperBound...]).trimmed
  }

  /// The non-blank lines under the heading `title`, up to the next blank line that follows
  /// some content.
  static func section(_ title: String, in lines: [String]) -> [String]? {
    guard let heading = lines.firstIndex(where: { $0.trimmed == title }) else { return nil }
    var content: [String] = []
    for line in lines[(heading + 1)...] {
      if line.trimmed.isEmpty {
        if content.isEmpty { continue } else { break }
      }
      content.append(line)
    }
    return content
  }
}
