import BenchmarkSupport
import Foundation

/// A large broker log made of real lines: the info lines and the error entries of the real
/// broker captures in `Tests/Fixtures/broker-3.10` (RabbitMQ 3.10), given new timestamps, new client addresses and a
/// burst, repeated until the file reaches the size asked for.
struct SyntheticLog {
  /// One error entry in every this many lines, outside the burst.
  static let errorSpacing = 400
  /// The log spans three days.
  static let span: Int64 = 3 * 86400

  /// Lines below warning level, without their timestamps: `[info] <0.680.0> accepting …`.
  let infoLines: [String]
  /// Entries at warning level or worse, each a list of lines without timestamps.
  let errorEntries: [[String]]

  /// Reads the templates from the broker logs in `fixtures`.
  init(fixtures: URL) throws {
    var info: [String] = []
    var entries: [[String]] = []
    var lastHeader = ""
    for name in ["broker-log-full.log", "broker-log-startup.log"] {
      let path = fixtures.appendingPathComponent(name).path
      guard let data = FileManager.default.contents(atPath: path) else {
        throw BenchmarkInputMissing(path: path)
      }
      let text = String(decoding: data, as: UTF8.self)
      for line in text.split(separator: "\n") {
        // `2026-11-23 04:46:25.280625+00:00 [warning] <0.680.0> message`
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { continue }
        let rest = String(parts[2])
        if rest.hasPrefix("[warning]") || rest.hasPrefix("[error]") {
          let header =
            "\(parts[0]) \(parts[1]) \(rest.split(separator: " ").prefix(2).joined(separator: " "))"
          if header == lastHeader, !entries.isEmpty {
            entries[entries.count - 1].append(rest)
          } else {
            entries.append([rest])
          }
          lastHeader = header
        } else {
          info.append(rest)
          lastHeader = ""
        }
      }
    }
    guard !info.isEmpty, !entries.isEmpty else {
      throw CocoaError(
        .fileReadCorruptFile,
        userInfo: [NSLocalizedDescriptionKey: "no broker log lines in \(fixtures.path)"])
    }
    infoLines = info
    errorEntries = entries
  }

  /// Writes at least `size` bytes to `path`; returns the number of error entries written.
  func write(size: Int, to path: String) throws -> Int {
    guard let file = fopen(path, "w") else {
      throw CocoaError(
        .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(path)"])
    }
    defer { fclose(file) }
    setvbuf(file, nil, _IOFBF, 1 << 22)
    let averageLine = infoLines.reduce(0) { $0 + $1.utf8.count } / infoLines.count + 34
    let lineCount = size / averageLine + 1
    let start: Int64 = 1_793_491_200  // 2026-11-01 00:00:00 UTC
    var written = 0
    var entries = 0
    var line = 0
    var random = SplitMix64(seed: 42)
    var second: Int64 = -1
    var secondText = ""
    while written < size {
      let seconds = start + Int64(line) * Self.span / Int64(lineCount)
      if seconds != second {
        second = seconds
        secondText = Self.timestamp(seconds)
      }
      let micro = String(line % 1_000_000)
      let stamp =
        secondText + "." + String(repeating: "0", count: 6 - micro.count) + micro + "+00:00"
      // A burst: for one hour in the small hours of the second day, errors come 20 times as often.
      let inBurst = (seconds - start) / 3600 == 27
      if line % (inBurst ? Self.errorSpacing / 20 : Self.errorSpacing) == 0 {
        let template = errorEntries[Int(random.next() % UInt64(errorEntries.count))]
        let address = "(10.\(random.next() % 4).\(random.next() % 256).\(random.next() % 256):"
        for text in template {
          let body = text.replacingOccurrences(of: "(127.0.0.1:", with: address)
          written +=
            fputs("\(stamp) \(body)\n", file) >= 0 ? stamp.utf8.count + body.utf8.count + 2 : 0
          line += 1
        }
        entries += 1
      } else {
        let text = infoLines[line % infoLines.count]
        written +=
          fputs("\(stamp) \(text)\n", file) >= 0 ? stamp.utf8.count + text.utf8.count + 2 : 0
        line += 1
      }
    }
    return entries
  }

  /// `2026-11-01 00:00:00`.
  static func timestamp(_ seconds: Int64) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    return String(
      format: "%04d-%02d-%02d %02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
  }
}
