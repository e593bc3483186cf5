import Foundation
import TestSupport
import Testing

@testable import LogScan

/// The parallel scan of a plain-text file gives exactly the report and file summary of the
/// scan in one pass: for every fixture, for generated logs made to put every kind of entry
/// across a chunk's edge, and for logs that fill the tally's limits.
@Suite struct ParallelScanTests {
  /// Chunk sizes and thread counts the fixtures are scanned with.
  static let chunkSizes = [512, 4_096, 65_536]
  static let threadCounts = [2, 3]

  /// What a scan gives, as bytes to compare: the report's JSON (keys sorted) and the summary.
  struct Outcome: Equatable, CustomTestStringConvertible {
    var report: String
    var summary: FileSummary

    var testDescription: String {
      "\(summary.lines) lines, \(summary.bytes) bytes, \(summary.entries) entries, error \(summary.error ?? "none"); "
        + "report \(report.count) bytes"
    }
  }

  static func scan(
    _ path: String, threads: Int, chunkSize: Int = 1 << 20, readSize: Int = 1 << 20,
    window: ScanWindow = ScanWindow()
  ) throws -> Outcome {
    let scanner = LogScanner(classifier: ScanSupport.classifier, window: window, year: 2026)
    scanner.parallel.threads = threads
    scanner.parallel.threshold = 0
    scanner.parallel.chunkSize = chunkSize
    scanner.parallel.readSize = readSize
    let summary = scanner.scan(path: path)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let report = String(decoding: try encoder.encode(scanner.report()), as: UTF8.self)
    return Outcome(report: report, summary: summary)
  }

  /// Expects every parallel scan of `path` to equal the one-pass scan.
  static func expectSame(
    _ path: String, chunkSizes: [Int], threadCounts: [Int], window: ScanWindow = ScanWindow(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let single = try scan(path, threads: 1, window: window)
    for chunkSize in chunkSizes {
      for threads in threadCounts {
        let parallel = try scan(
          path, threads: threads, chunkSize: chunkSize, readSize: 65_537, window: window)
        #expect(
          parallel == single,
          "\((path as NSString).lastPathComponent): chunk \(chunkSize), \(threads) threads",
          sourceLocation: sourceLocation)
      }
    }
  }

  /// Every plain-text log and capture among the fixtures.
  static let fixturePaths: [String] = {
    let folder = Fixtures.folder
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    else { return [] }
    return walker.compactMap { $0 as? URL }
      .filter { ["log", "txt"].contains($0.pathExtension) || $0.path.contains("fuzz-regressions") }
      .filter { !$0.path.hasSuffix(".gz") && !$0.hasDirectoryPath }
      .map(\.path).sorted()
  }()

  @Test func thereAreFixturesToCompare() {
    #expect(Self.fixturePaths.count > 100)
    #expect(Self.fixturePaths.contains { $0.hasSuffix("broker-3.10/broker-log-full.log") })
  }

  @Test(arguments: fixturePaths)
  func aFixtureGivesTheSameReportInParallel(path: String) throws {
    try Self.expectSame(path, chunkSizes: Self.chunkSizes, threadCounts: Self.threadCounts)
  }

  @Test func aWindowedScanGivesTheSameReportInParallel() throws {
    let path = try Fixtures.path("broker-log-full.log")
    // 2026-11-23 04:47:00 to 04:48:00 UTC: some entries fall outside.
    let window = ScanWindow(since: 1_795_409_220, until: 1_795_409_280)
    try Self.expectSame(path, chunkSizes: [300, 4_096], threadCounts: [2], window: window)
    let outcome = try Self.scan(path, threads: 2, chunkSize: 300, window: window)
    let report = try JSONDecoder().decode(ScanReport.self, from: Data(outcome.report.utf8))
    #expect(report.outsideWindow > 0)
    #expect(report.entries > 0)
  }

  @Test(arguments: [1, 2, 3, 4])
  func aGeneratedLogGivesTheSameReportInParallel(seed: UInt64) throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("generated.log").path
    var generator = LogGenerator(seed: seed)
    try Data(generator.log(records: 1_500)).write(to: URL(fileURLWithPath: path))
    try Self.expectSame(
      path, chunkSizes: [64, 97, 256, 1_000, 4_096, 65_536], threadCounts: [2, 4])
  }

  @Test func aLogWithoutAnyBoundaryIsOneChunk() throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A client's stderr: no line starts a record.
    let stderr = folder.appendingPathComponent("stderr.txt").path
    var text = ""
    for number in 0..<400 {
      text +=
        number % 7 == 0
        ? "Traceback (most recent call last):\n  File \"app.py\", line \(number)\nConnectionResetError: [Errno 104] Connection reset by peer\n"
        : "connection error number \(number)\n    indented detail\n"
    }
    try text.write(toFile: stderr, atomically: true, encoding: .utf8)
    try Self.expectSame(stderr, chunkSizes: [64, 1_000], threadCounts: [2])
    // One timestamp and pid for every line: one entry, however it is cut.
    let oneStamp = folder.appendingPathComponent("one-stamp.log").path
    let line = "2026-11-23 04:46:25.280625+00:00 [error] <0.680.0> part of one long message\n"
    try String(repeating: line, count: 2_000).write(
      toFile: oneStamp, atomically: true, encoding: .utf8)
    try Self.expectSame(oneStamp, chunkSizes: [64, 1_000], threadCounts: [2])
    // One giant line with no newline.
    let giant = folder.appendingPathComponent("giant.log").path
    try String(repeating: "z", count: 300_000).write(
      toFile: giant, atomically: true, encoding: .utf8)
    try Self.expectSame(giant, chunkSizes: [64, 4_096], threadCounts: [2])
  }

  /// Text whose lines end with a lone `\r`, and gzip under a plain name, are read in one pass
  /// (the chunks are cut at `\n` only): the same report as with the parallel path turned off.
  @Test func loneCarriageReturnsAndGzipContentAreReadInOnePass() throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plain = try Fixtures.path("broker-log-full.log")
    let text = try String(contentsOfFile: plain, encoding: .utf8)
    let carriageReturns = folder.appendingPathComponent("mac.log").path
    try text.replacingOccurrences(of: "\n", with: "\r").write(
      toFile: carriageReturns, atomically: true, encoding: .utf8)
    let zipped = folder.appendingPathComponent("zipped.log")
    try ScanSupport.run("/bin/gzip", ["-1", "-c", plain], output: zipped)
    for path in [carriageReturns, zipped.path] {
      let single = try Self.scan(path, threads: 1)
      #expect(single.summary.entries > 0, "\(path)")
      #expect(try Self.scan(path, threads: 2, chunkSize: 256) == single, "\(path)")
    }
  }

  @Test func theTallysLimitsActAsInOnePass() throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("limits.log").path
    var generator = LogGenerator(seed: 99)
    try Data(generator.limitsLog()).write(to: URL(fileURLWithPath: path))
    let single = try Self.scan(path, threads: 1)
    // The log does fill the limits, and links follow-on errors to earlier chunks' errors.
    let report = try JSONDecoder().decode(ScanReport.self, from: Data(single.report.utf8))
    #expect(report.otherUnclassified > 0)
    #expect(report.dropped.contains { $0.value == "peer" && $0.count > 0 })
    #expect(report.guides.contains { !($0.firstErrors ?? []).isEmpty })
    try Self.expectSame(path, chunkSizes: [512, 8_192, 100_000], threadCounts: [2, 3])
  }

  /// A file whose reads fail from some offset on.
  struct FailingBytes: PositionalBytes {
    let bytes: [UInt8]
    let failAt: Int

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(ScanInputError)
      -> Int
    {
      if offset + buffer.count > failAt {
        throw ScanInputError(file: "failing.log", reason: "Input/output error")
      }
      let count = min(buffer.count, bytes.count - offset)
      guard count > 0 else { return 0 }
      bytes.withUnsafeBytes {
        buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count)
      }
      return count
    }
  }

  @Test func aReadErrorIsKeptAndWhatWasReadBeforeTheFailedChunkCounts() throws {
    let bytes = Array(
      [[UInt8]](repeating: [UInt8](try Fixtures.data("broker-log-full.log")), count: 16).joined())
    let failAt = bytes.count * 2 / 3
    let chunkSize = 4_096
    let scanner = LogScanner(classifier: ScanSupport.classifier, year: 2026)
    var options = ParallelScanOptions()
    options.threads = 2
    options.chunkSize = chunkSize
    options.readSize = 65_537
    options.searchReadSize = 65_537
    let summary = scanner.scanInParallel(
      FailingBytes(bytes: bytes, failAt: failAt), size: bytes.count, name: "failing.log",
      options: options)
    #expect(summary.error == "Input/output error")
    #expect(summary.bytes == 0)
    // Nothing at or after the failed read counts; everything before the last two regions does.
    let linesBefore = { (end: Int) in bytes[..<end].count(where: { $0 == 0x0A }) }
    #expect(summary.lines <= linesBefore(failAt) + 1)
    #expect(summary.lines >= linesBefore(max(0, failAt - 2 * chunkSize - 65_537)))
    #expect(summary.lines > linesBefore(bytes.count / 2))
    #expect(summary.entries > 0)
  }
}

/// Makes logs of every kind the scanner reads, from a seed.
struct LogGenerator {
  var state: UInt64
  var second = 0

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  mutating func stamp() -> String {
    if below(3) == 0 { second += 1 }
    let minute = (second / 60) % 60
    let hour = 4 + second / 3600
    return String(
      format: "2026-11-23 %02d:%02d:%02d.%06d+00:00", hour, minute, second % 60,
      below(3) == 0 ? 0 : 280625)
  }

  mutating func peer() -> String {
    "10.\(below(4)).\(below(250)).\(below(250)):\(30000 + below(30000))"
  }

  /// A log mixing every kind of line, with edges of every kind.
  mutating func log(records: Int) -> [UInt8] {
    var text = ""
    var lastStamp = stamp()
    for _ in 0..<records {
      let newline = below(12) == 0 ? "\r\n" : "\n"
      let level = ["debug", "info", "notice", "warning", "error", "critical"][below(6)]
      let pid = "<0.\(below(40)).0>"
      let current = below(4) == 0 ? lastStamp : stamp()
      lastStamp = current
      switch below(16) {
      case 0...4:
        text +=
          "\(current) [\(level)] \(pid) accepting AMQP connection \(peer()) -> 10.0.0.1:5672\(newline)"
      case 5:
        // One message over several lines with the same timestamp and pid.
        text +=
          "\(current) [error] \(pid) closing AMQP connection \(pid) (\(peer()) -> 10.0.0.1:5672 - app):\(newline)"
        text += "\(current) [error] \(pid) {inet_error,etimedout}\(newline)"
        if below(2) == 0 {
          text += "\(current) [error] \(pid) missed heartbeats from client, timeout: 60s\(newline)"
        }
      case 6:
        // The same timestamp, another pid.
        text +=
          "\(current) [error] <0.1.0> Error on AMQP connection <0.1.0> (\(peer()) -> 10.0.0.1:5672, state: starting):\n"
        text +=
          "\(current) [error] <0.2.0> PLAIN login refused: user 'guest' - invalid credentials\n"
      case 7:
        text += "    continuation line without a header\(newline)"
        if below(2) == 0 { text += "error: something failed in a plain line\n  indented\n" }
      case 8:
        text += "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\n"
        text += "pika.exceptions.AMQPConnectionError: Connection to \(peer()) failed\n"
        if below(2) == 0 {
          text +=
            "During handling of the above exception, another exception occurred:\nValueError: x\n"
        }
      case 9:
        text +=
          "=ERROR REPORT==== 23-Nov-2026::04:\(10 + below(50)):00 ===\n** Generic server terminating\n** Reason: {timeout}\n\n"
      case 10:
        text +=
          "{\"time\":\"\(current)\",\"level\":\"\(level)\",\"msg\":\"closing AMQP connection line one\\nline two\",\"pid\":\"\(pid)\"}\(newline)"
      case 11:
        text +=
          "Nov 23 04:45:\(10 + below(40)) host rabbitmq-server[42]: \(current) [\(level)] \(pid) via journald\n"
      case 12:
        // A run with no boundary: the same timestamp for many record lines.
        for _ in 0..<(20 + below(60)) {
          text += "\(current) [\(level)] \(pid) part of a long run\n"
        }
      case 13:
        if below(8) == 0 {
          text += "\(current) [error] \(pid) " + String(repeating: "long ", count: 15_000) + newline
        } else {
          text +=
            "ERROR:pika.adapters.utils:Socket Error: 104\n\(current) [notice] \(pid) TLS server: In state certify generated SERVER ALERT: Fatal - Unknown CA\n"
        }
      case 14:
        text +=
          "2019-06-10 12:00:\(10 + below(49)).123 [\(level)] <0.680.0> lager style \(level)\n\n"
      default:
        text +=
          "\(current) [\(level)] \(pid) Channel error on connection <0.9.0> (\(peer()) -> 10.0.0.1:5672, vhost: '/', user: 'guest'), channel 1:\n"
        text +=
          "\(current) [\(level)] \(pid) operation basic.consume caused a channel exception not_found: no queue 'q\(below(100))' in vhost '/'\n"
      }
    }
    if below(2) == 0 { text += "\(stamp()) [error] <0.3.0> the last line has no newline" }
    return Array(text.utf8)
  }

  /// A log with more peers than `ScanTally.valueLimit`, more unclassified shapes than
  /// `ScanTally.shapeLimit`, and follow-on errors far from the errors before them.
  mutating func limitsLog() -> [UInt8] {
    var text = ""
    let words = [
      "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
      "kilo", "lima",
    ]
    for number in 0..<(ScanTally.valueLimit * 2 + 300) {
      let current = stamp()
      let pid = "<0.\(number).0>"
      text +=
        "\(current) [error] \(pid) closing AMQP connection \(pid) (172.\(number / 250).\(number % 250).9:4000 -> 10.0.0.1:5672 - app):\n"
      text += "\(current) [error] \(pid) {inet_error,etimedout}\n"
      if number % 2 == 0 {
        let shape =
          "\(words[(number / 2) % 12]) \(words[(number / 24) % 12]) \(words[(number / 288) % 12])"
        text +=
          "\(stamp()) [error] <0.1.\(number)> unheard-of failure zz \(shape) in the quux subsystem\n"
      }
      if number % 50 == 0 {
        text +=
          "\(current) [error] <0.7.\(number)> Channel error on connection <0.5.\(number)> (10.9.9.9:\(number) -> 10.0.0.1:5672, vhost: '/', user: 'guest'), channel 1:\n"
        text +=
          "\(current) [error] <0.7.\(number)> operation basic.consume caused a channel exception not_found: no queue 'missing-queue' in vhost '/'\n"
      }
      if number % 50 == 30 {
        let first = number - 30
        let later = stamp()
        text +=
          "\(later) [error] <0.5.\(first)> Error on AMQP connection <0.5.\(first)> (10.9.9.9:\(first) -> 10.0.0.1:5672 - app, vhost: '/', user: 'guest', state: running), channel 1:\n"
        text +=
          "\(later) [error] <0.5.\(first)>  operation queue.declare caused a connection exception channel_error: \"expected 'channel.open'\"\n"
      }
    }
    return Array(text.utf8)
  }
}
