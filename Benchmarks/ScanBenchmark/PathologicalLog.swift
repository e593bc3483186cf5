import BenchmarkSupport
import Foundation

/// Logs made of what the scan's line reader, entry shapes, connection details and the search's
/// normaliser look for, in long runs: digits, colons, quotation marks, braces, Erlang pids,
/// escapes. Each file is made from a seed, so every run writes the same bytes.
enum PathologicalLog {
  /// The runs lines are made of: a name for the table and the unit repeated.
  static let kinds: [(name: String, unit: String)] = [
    ("digits", "0123456789"),
    ("colons", ":"),
    ("quotation marks", "\""),
    ("apostrophes", "'"),
    ("braces", "{"),  // closed again at the end of the run: {{{…}}}
    ("parentheses", "("),
    ("pids <0.1234.0>", "<0.1234.0>"),
    ("<0. repeated", "<0."),
    ("escapes \\\\n", "\\\\n"),
    ("escapes \\\"", "\\\""),
    ("backslashes", "\\"),
  ]

  /// All the kinds' units in a row: what the single-line files repeat.
  static let mixedUnit =
    "2026-11-23 04:46:25 0123456789 ::::::::: \"\"\"\"\"\" '''''' {{{{}}}} <0.1234.0><0.<0. \\\\n\\\\n \\\"\\\" (((( -> - "

  /// `count` bytes of `kind`'s run (all units are ASCII).
  static func run(_ kind: Int, _ count: Int) -> [UInt8] {
    let unit = Array(kinds[kind].unit.utf8)
    if kinds[kind].name == "braces" {
      return [UInt8](repeating: UInt8(ascii: "{"), count: count / 2)
        + [UInt8](repeating: UInt8(ascii: "}"), count: count - count / 2)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + unit.count)
    while bytes.count < count { bytes += unit }
    return Array(bytes.prefix(count))
  }

  /// `2026-11-01 00:00:00.000000+00:00`, `second` seconds later.
  static func stamp(_ second: Int) -> String {
    SyntheticLog.timestamp(1_793_491_200 + Int64(second)) + ".000000+00:00"
  }

  /// A word made of letters only, different for every `number`, so that lines that differ only
  /// by it have different entry shapes (the scan masks digits).
  static func tag(_ number: Int) -> String {
    var number = number
    var letters = ""
    repeat {
      letters.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(number % 26))))
      number /= 26
    } while number > 0
    return letters
  }

  /// Writes `bytes` to a new file at `path`.
  static func create(_ path: String, _ body: (_ write: ([UInt8]) -> Void) -> Void) throws {
    guard let file = fopen(path, "w") else {
      throw CocoaError(
        .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(path)"])
    }
    setvbuf(file, nil, _IOFBF, 1 << 22)
    var failed = false
    body { bytes in
      if !failed, fwrite(bytes, 1, bytes.count, file) != bytes.count { failed = true }
    }
    if fclose(file) != 0 || failed {
      throw CocoaError(
        .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(path)"])
    }
  }

  /// At least `size` bytes of lines of every kind, mixed: broker lines at error, warning and
  /// info level, lines without a header (which continue the entry before them), and JSON
  /// records (some with the run as an escaped message, some nested thousands of brackets
  /// deep). Runs are 16 bytes to 24 KB long, log-uniformly; one line in a hundred is 70 to
  /// 100 KB, beyond the scan's line limit.
  static func writeMixed(size: Int, to path: String) throws {
    var random = SplitMix64(seed: 7)
    try create(path) { write in
      var written = 0
      var line = 0
      while written < size {
        let kind = Int(random.next() % UInt64(kinds.count))
        let length =
          random.next() % 100 == 0
          ? 70_000 + Int(random.next() % 30_000)
          : Int(16 * pow(1_500, Double(random.next() % 1_000_000) / 1_000_000))
        let body = run(kind, length)
        var bytes: [UInt8]
        switch random.next() % 10 {
        case 0..<5:
          bytes = Array("\(stamp(line)) [error] <0.\(line % 1000).0> ".utf8) + body
        case 5:
          bytes = Array("\(stamp(line)) [warning] <0.\(line % 1000).0> ".utf8) + body
        case 6, 7:
          bytes = Array("\(stamp(line)) [info] <0.\(line % 1000).0> ".utf8) + body
        case 8:
          bytes = body
        default:
          let head = Array("{\"time\":\"\(stamp(line))\",\"level\":\"error\",\"msg\":\"".utf8)
          if random.next() % 2 == 0 {
            var escaped: [UInt8] = []
            escaped.reserveCapacity(body.count * 2)
            for byte in body {
              if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") {
                escaped.append(UInt8(ascii: "\\"))
              }
              escaped.append(byte)
            }
            bytes = head + escaped + Array("\"}".utf8)
          } else {
            bytes =
              head + Array("x\",\"meta\":".utf8)
              + [UInt8](repeating: UInt8(ascii: "["), count: length)
          }
        }
        bytes.append(0x0A)
        write(bytes)
        written += bytes.count
        line += 1
      }
    }
  }

  /// Broker error lines whose message is a word of its own and a run of `kind` of `length`
  /// bytes, up to `size`. The word comes first, inside the part of the message the scan keeps
  /// as the entry's shape (its first 2,000 characters), so that every line is a new shape,
  /// classified by a search of its own.
  static func writeLines(kind: Int, length: Int, size: Int, to path: String) throws {
    let body = run(kind, length)
    try create(path) { write in
      var written = 0
      var line = 0
      while written < size {
        let bytes =
          Array("\(stamp(line)) [error] <0.\(line % 1000).0> \(tag(line)) ".utf8) + body + [0x0A]
        write(bytes)
        written += bytes.count
        line += 1
      }
    }
  }

  /// One broker error line of `size` bytes without a newline: the units of every kind, again
  /// and again.
  static func writeSingleLine(size: Int, to path: String) throws {
    let head = Array("\(stamp(0)) [error] <0.680.0> ".utf8)
    let unit = Array(mixedUnit.utf8)
    var chunk: [UInt8] = []
    chunk.reserveCapacity((1 << 20) + unit.count)
    while chunk.count < 1 << 20 { chunk += unit }
    try create(path) { write in
      write(head)
      var written = head.count
      while written < size {
        let part = Array(chunk.prefix(size - written))
        write(part)
        written += part.count
      }
    }
  }
}
