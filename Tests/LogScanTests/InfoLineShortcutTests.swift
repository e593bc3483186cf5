import Foundation
import TestSupport
import Testing

@testable import LogScan

/// The scan takes a broker's info lines by a shortcut (`LineHeader.infoTimestampEnd`); for every
/// line it accepts, the full header must say the same: that timestamp, `.info`, no pid, not
/// JSON, not a report. Generated lines near the shortcut's shape check that it accepts no line
/// the full reading would read otherwise.
@Suite struct InfoLineShortcutTests {
  @Test func spacedInfoIsTheBytesOfTheMarker() {
    let bytes = Array(" [info] ".utf8)
    let word = bytes.withUnsafeBytes { ByteView($0).word(at: 0) }
    #expect(word == LineHeader.spacedInfo)
  }

  @Test func everyLineTheShortcutTakesHasTheFullHeaderItAssumes() {
    let samples = [
      "2026-11-23 04:46:25.280625+00:00 [info] <0.680.0> accepting AMQP connection",
      "2026-11-23T04:46:25.280625+00:00 [info] <0.680.0> closing AMQP connection",
      "2026-11-23 04:46:25 [info] message",
      "2026-11-23 04:46:25.1 [info]  two spaces",
      "2026-11-23T04:47:03,394Z [info] node1 unit[12]: message",
      "2026-11-23 04:46:25.280625+00:00 [INFO] upper case",
      "2026-11-23 04:46:25.280625+00:00 [info]",
      "Nov 23 04:45:38 host rabbitmq-server[1]: 2026-11-23 04:46:25 [info] behind journald",
    ]
    let replacements: [UInt8] = [
      0x20, 0x09, 0x5B, 0x5D, 0x30, 0x3A, 0x2D, 0x54, 0x2E, 0x2B, 0x5A, 0x69, 0x49, 0x7B, 0x3D,
      0xFF,
    ]
    var generator = SeededRandom(seed: 7)
    func random(_ bound: Int) -> Int { generator.next(below: bound) }
    var taken = 0
    var mismatches: [String] = []
    for sample in samples {
      var lines: [[UInt8]] = [Array(sample.utf8)]
      for _ in 0..<400 {
        var line = Array(sample.utf8)
        for _ in 0..<(1 + random(2)) {
          line[random(min(line.count, 48))] = replacements[random(replacements.count)]
        }
        lines.append(line)
      }
      for line in lines {
        for length in stride(from: 0, through: line.count, by: 1) {
          line.prefix(length).withUnsafeBytes { raw in
            guard let end = LineHeader.infoTimestampEnd(raw) else { return }
            taken += 1
            let header = LineHeader(reading: raw)
            if header.timestamp != 0..<end || header.timestampStyle != .iso
              || header.level != .info || header.pid != nil || header.isJSON || header.isReport
            {
              mismatches.append(String(decoding: line.prefix(length), as: UTF8.self))
            }
          }
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    #expect(taken > 1_000)
  }

  /// Every log among the fixtures, and one made of info lines around problems, joined into
  /// entries with the shortcut (`take(_:)`) and without it (`take(_:header:)` with the full
  /// header of every line): the same entries, in the same order, with the same line numbers.
  @Test func theShortcutGivesTheEntriesOfTheFullReading() throws {
    var logs: [(name: String, bytes: [UInt8])] = []
    let folders = [
      Fixtures.broker, Fixtures.captures, Fixtures.folder.appendingPathComponent("lab"),
    ]
    for folder in folders {
      let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".log") || name.hasSuffix(".txt") {
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        {
          logs.append((name, Array(data)))
        }
      }
    }
    var made = ""
    for index in 0..<200 {
      let stamp = "2026-11-23 04:46:\(10 + index % 50).280625+00:00"
      made += "\(stamp) [info] <0.680.0> accepting AMQP connection\n"
      if index % 7 == 0 {
        made += "\(stamp) [error] <0.681.0> closing\n  {socket_error,econnreset}\n"
      }
      if index % 11 == 0 { made += "\(stamp) [info] <0.682.0> info\n  with an error in it\n" }
      if index % 13 == 0 {
        made += "Traceback (most recent call last):\n  File \"x\"\nValueError: x\n"
      }
    }
    logs.append(("made", Array(made.utf8)))
    #expect(logs.count > 20)
    for log in logs {
      var shortcut = EntryAssembler(file: log.name, year: 2026)
      var full = EntryAssembler(file: log.name, year: 2026)
      var viaShortcut: [LogEntry] = []
      var viaFull: [LogEntry] = []
      for line in log.bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        Array(line).withUnsafeBytes { raw in
          if let entry = shortcut.take(raw) { viaShortcut.append(entry) }
          if let entry = full.take(raw, header: LineHeader(reading: raw)) { viaFull.append(entry) }
        }
      }
      if let entry = shortcut.finish() { viaShortcut.append(entry) }
      if let entry = full.finish() { viaFull.append(entry) }
      let differing = viaShortcut.indices.first {
        $0 < viaFull.count && viaShortcut[$0] != viaFull[$0]
      }
      #expect(
        viaShortcut.count == viaFull.count && differing == nil,
        "\(log.name): \(viaShortcut.count) entries against \(viaFull.count), first different: \(differing.map { "entry \($0), line \(viaFull[$0].line)" } ?? "none")"
      )
      #expect(shortcut.lineNumber == full.lineNumber, "\(log.name)")
    }
  }
}
