import Foundation

/// Reads `rabbitmq-diagnostics check_certificate_expiration` (3.8.7 and later). It prints `No
/// certificates are expiring within N days.` (exit status 0), or one map per listener whose
/// certificates expire within the window (exit status 69), such as `%{certfile:
/// "/etc/rabbitmq/server.pem", certfile_expires_on: ["2026-12-10 17:07:36"], port: 5671, ...}`,
/// with `cacertfile_expires_on` likewise. The dates are UTC.
///
/// Finds `certificates-expiring` (the dates listed), `certificates-expired` (those already
/// past) and, when some date is still ahead, `certificate-days-left` (the nearest, in whole
/// days, rounded).
enum RabbitCertificateExpiry {
  static func findings(_ lines: OutputLines, now: Date = Date()) -> [Finding] {
    let text = lines.nonBlank.map(\.trimmed)
    if let line = text.first(where: { $0.hasPrefix("No certificates are expiring within") }) {
      return [
        Finding(id: "certificates-expiring", value: 0, evidence: [line]),
        Finding(id: "certificates-expired", value: 0, evidence: [line]),
      ]
    }
    var expiring: [(date: Date, line: String)] = []
    for line in text where line.contains("expires_on: [") {
      for (key, date) in dates(in: line) {
        expiring.append((date, "\(key) of \(listener(in: line)) expires on \(format(date))"))
      }
    }
    guard !expiring.isEmpty else { return [] }
    let past = expiring.filter { $0.date <= now }
    var found = [
      Finding(
        id: "certificates-expiring", value: Double(expiring.count),
        evidence: Evidence.lines(expiring.map(\.line))),
      Finding(
        id: "certificates-expired", value: Double(past.count),
        evidence: past.isEmpty ? ["none has expired yet"] : Evidence.lines(past.map(\.line))),
    ]
    if let nearest = expiring.filter({ $0.date > now }).min(by: { $0.date < $1.date }) {
      let days = (nearest.date.timeIntervalSince(now) / 86_400).rounded()
      found.append(Finding(id: "certificate-days-left", value: days, evidence: [nearest.line]))
    }
    return found
  }

  /// Each `<name>_expires_on: ["YYYY-MM-DD HH:MM:SS", ...]` of a listener's map, with the file's
  /// name.
  static func dates(in line: String) -> [(String, Date)] {
    var result: [(String, Date)] = []
    let matches = expiresOn.matches(in: line, range: NSRange(line.startIndex..., in: line))
    for match in matches {
      guard let keyRange = Range(match.range(at: 1), in: line),
        let listRange = Range(match.range(at: 2), in: line)
      else { continue }
      let file = path(of: String(line[keyRange]), in: line) ?? String(line[keyRange])
      for stamp in line[listRange].split(separator: ",") {
        let trimmed = stamp.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        if let date = date(trimmed) { result.append((file, date)) }
      }
    }
    return result
  }

  /// The quoted path of `key` (`certfile: "/etc/..."`) in the same map.
  static func path(of key: String, in line: String) -> String? {
    guard let range = line.range(of: " \(key): \"") ?? line.range(of: "{\(key): \"") else {
      return nil
    }
    let rest = line[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }

  /// `interface:port (protocol)` of the listener's map, for the evidence.
  static func listener(in line: String) -> String {
    let port = field("port", in: line) ?? "?"
    let interface = path(of: "interface", in: line) ?? "?"
    return "the listener on \(interface):\(port)"
  }

  static func field(_ key: String, in line: String) -> String? {
    guard let range = line.range(of: " \(key): ") else { return nil }
    return String(line[range.upperBound...].prefix { $0.isNumber })
  }

  /// `YYYY-MM-DD HH:MM:SS` in UTC.
  static func date(_ stamp: String) -> Date? {
    let numbers = stamp.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap {
      Int($0)
    }
    guard numbers.count == 6 else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = DateComponents(
      year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
      second: numbers[5])
    return calendar.date(from: parts)
  }

  static func format(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    let two = { (n: Int?) in n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "??" }
    return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
  }

  static let expiresOn = NSRegularExpression.literal(#"(\w+)_expires_on: \[([^\]]*)\]"#)
}
