import Foundation
import LogScan
import Testing

/// The same real entries written in each format RabbitMQ has logged in give the same counts.
/// The other formats are made here from the real 3.10 lines, by the rules of each format.
@Suite struct LogFormatTests {
  /// Real entries from the fixtures (3.9+ format), two lines each.
  static func realEntries() throws -> [(stamp: String, level: String, pid: String, lines: [String])]
  {
    var entries: [(stamp: String, level: String, pid: String, lines: [String])] = []
    for name in [
      "broker-log-b1-client-rst.log", "broker-log-e-missed-heartbeats.log",
      "broker-log-i3-halfopen-etimedout.log", "broker-log-d1-handshake-timeout-nothing-sent.log",
      "broker-log-h1-wrong-password.log",
    ] {
      for line in try ScanSupport.fixture(name).split(separator: "\n") {
        let parts = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[2] == "[warning]" || parts[2] == "[error]" else { continue }
        let stamp = "\(parts[0]) \(parts[1])"
        let level = String(parts[2].dropFirst().dropLast())
        if let last = entries.last, last.stamp == stamp, last.pid == parts[3] {
          entries[entries.count - 1].lines.append(String(parts[4]))
        } else {
          entries.append((stamp, level, String(parts[3]), [String(parts[4])]))
        }
      }
    }
    return entries
  }

  static let expected = [
    "connection-closed-abruptly": 1, "missed-heartbeats": 1, "etimedout": 1, "handshake-timeout": 1,
    "access-refused": 1,
  ]

  @Test func modernFormat() throws {
    let text = try Self.realEntries().flatMap { entry in
      entry.lines.map { "\(entry.stamp) [\(entry.level)] \(entry.pid) \($0)" }
    }.joined(separator: "\n")
    #expect(ScanSupport.counts(ScanSupport.scan(text)) == Self.expected)
  }

  /// RabbitMQ 3.7 and 3.8 (lager): the first line has the header, the next is bare.
  @Test func lagerFormat() throws {
    let text = try Self.realEntries().map { entry in
      let stamp = String(entry.stamp.prefix(23))
      return
        (["\(stamp) [\(entry.level)] \(entry.pid) \(entry.lines[0])"] + entry.lines.dropFirst())
        .joined(separator: "\n")
    }.joined(separator: "\n")
    let report = ScanSupport.scan(text)
    #expect(ScanSupport.counts(report) == Self.expected)
    #expect(report.guide("etimedout")?.firstSeen == "2026-11-23T04:48:38Z")
  }

  /// Before 3.7: `=WARNING REPORT==== date ===`, the entry on the lines after, a blank line.
  @Test func erlangReportFormat() throws {
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    let text = try Self.realEntries().map { entry in
      let date = entry.stamp.prefix(10).split(separator: "-")
      let time = entry.stamp.dropFirst(11).prefix(8)
      let (day, month) = (try #require(Int(date[2])), try #require(Int(date[1])))
      try #require((1...12).contains(month), "month \(month) in \(entry.stamp)")
      let header =
        "=\(entry.level.uppercased()) REPORT==== \(day)-\(months[month - 1])-\(date[0])::\(time) ==="
      return ([header] + entry.lines).joined(separator: "\n") + "\n"
    }.joined(separator: "\n")
    let report = ScanSupport.scan(
      "=INFO REPORT==== 9-Jan-2018::08:47:40 ===\naccepting AMQP connection <0.1.0> (10.0.0.1:1 -> 10.0.0.2:5672)\n\n"
        + text)
    #expect(ScanSupport.counts(report) == Self.expected)
    #expect(report.guide("missed-heartbeats")?.firstSeen == "2026-11-23T04:47:02Z")
  }

  /// RabbitMQ's JSON format: one object per entry, its lines joined in `msg`.
  @Test func jsonFormat() throws {
    let lines = try Self.realEntries().map { entry -> String in
      let object: [String: String] = [
        "time": entry.stamp, "level": entry.level, "pid": entry.pid,
        "msg": entry.lines.joined(separator: "\n"),
      ]
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }
    let info =
      #"{"level":"info","msg":"accepting AMQP connection","pid":"<0.1.0>","time":"2026-11-23 04:45:00.000000+00:00"}"#
    let report = ScanSupport.scan(([info] + lines).joined(separator: "\n"))
    #expect(ScanSupport.counts(report) == Self.expected)
  }

  /// journalctl's default and short-iso prefixes before the 3.9+ lines.
  @Test func journaldPrefixes() throws {
    let entries = try Self.realEntries()
    let plain = entries.flatMap { entry in
      entry.lines.map {
        "Nov 23 \(entry.stamp.dropFirst(11).prefix(8)) vm rabbitmq-server[748]: \(entry.stamp) [\(entry.level)] \(entry.pid) \($0)"
      }
    }
    let iso = entries.flatMap { entry in
      entry.lines.map {
        "2026-11-23T\(entry.stamp.dropFirst(11).prefix(8))+0000 vm rabbitmq-server[748]: \(entry.stamp) [\(entry.level)] \(entry.pid) \($0)"
      }
    }
    #expect(ScanSupport.counts(ScanSupport.scan(plain.joined(separator: "\n"))) == Self.expected)
    #expect(ScanSupport.counts(ScanSupport.scan(iso.joined(separator: "\n"))) == Self.expected)
  }

  /// journald lines whose message has no timestamp of its own take journald's, in the year given.
  @Test func journaldTimeWithoutAYear() {
    let text =
      "Nov 23 04:46:25 vm rabbitmq-server[748]: [warning] <0.680.0> client unexpectedly closed TCP connection"
    let report = ScanSupport.scan(text, year: 2025)
    #expect(report.guide("connection-closed-abruptly")?.firstSeen == "2025-11-23T04:46:25Z")
  }

  @Test func crlfLineEndings() throws {
    let text = try ScanSupport.fixture("broker-log-full.log").replacingOccurrences(
      of: "\n", with: "\r\n")
    let plain = ScanSupport.scan(try ScanSupport.fixture("broker-log-full.log"))
    #expect(ScanSupport.counts(ScanSupport.scan(text)) == ScanSupport.counts(plain))
  }
}
