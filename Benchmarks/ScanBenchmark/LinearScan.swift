import BenchmarkSupport
import Foundation

/// `Benchmarks/run linear`'s scan tables: `rmq-doctor scan` as a whole process on pathological
/// logs at three sizes, against `grep -cE` and `rg -c` on the same file in the same run.
///
/// Linear means the scan's time per input byte stays within 2x of the smallest size's. The
/// first table grows the file (lines of every kind mixed, 10, 30 and 90 MB; one line without a
/// newline of 17, 50 and 150 MB); the second grows the lines (each kind, runs of 2,000, 6,000
/// and 18,000 bytes, 4 MB of them). Before it is timed, each file is scanned once with a time
/// limit, and a scan that crashes, fails, hangs or prints no JSON report is a row of its own.
struct LinearScan {
  let binary: String
  let grep: String
  let ripgrep: String
  let content: String
  let keywords: String
  let folder: URL
  let runs: Int
  let keep: Bool
  /// How long the checking scan of one file may take.
  static let timeLimit: Duration = .seconds(600)

  struct Input {
    var group: String
    var size: String
    var make: (String) throws -> Void
  }

  struct Result {
    var input: Input
    var bytes = 0
    var scan: Timing?
    var scanPeak = 0
    var grep: Timing?
    var grepPeak = 0
    var ripgrep: Timing?
    var entries = 0
    var failure: String?
    var perByte: Double? { scan.map { $0.median.seconds / Double(bytes) } }
  }

  static func megabytes(_ count: Int) -> Int { count * 1_000_000 }

  /// The first table's inputs.
  static var growingFiles: [Input] {
    [10, 30, 90].map { size in
      Input(group: "mixed pathological lines", size: "\(size) MB") {
        try PathologicalLog.writeMixed(size: megabytes(size), to: $0)
      }
    }
      + [17, 50, 150].map { size in
        Input(group: "one line, no newline", size: "\(size) MB") {
          try PathologicalLog.writeSingleLine(size: megabytes(size), to: $0)
        }
      }
  }

  /// The second table's inputs.
  static var growingLines: [Input] {
    PathologicalLog.kinds.indices.flatMap { kind in
      [2_000, 6_000, 18_000].map { length in
        Input(group: PathologicalLog.kinds[kind].name, size: "\(length) B lines") {
          try PathologicalLog.writeLines(kind: kind, length: length, size: megabytes(4), to: $0)
        }
      }
    }
  }

  func note(_ message: String) {
    FileHandle.standardError.write(Data("scan-benchmark: \(message)\n".utf8))
  }

  /// Writes, checks, times and removes each input in turn.
  func measure(_ inputs: [Input]) throws -> [Result] {
    try inputs.map { input in
      let path = folder.appendingPathComponent(
        "linear-\(input.group)-\(input.size).log".replacingOccurrences(of: " ", with: "-")
      ).path
      note("writing \(input.group), \(input.size)")
      try input.make(path)
      defer { if !keep { try? FileManager.default.removeItem(atPath: path) } }
      var result = Result(input: input)
      result.bytes = Int(
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
      // Read once, so that every tool finds the file in the page cache.
      _ = try runToEnd(which("cat") ?? "/bin/cat", [path])
      switch check(path) {
      case .failure(let reason):
        result.failure = reason.description
        note("rmq-doctor scan \(reason) on \(input.group), \(input.size)")
        return result
      case .success(let entries):
        result.entries = entries
      }
      note(
        "timing grep, rg and rmq-doctor scan on \(input.group), \(input.size), \(runs) runs each")
      let output = folder.appendingPathComponent("output.txt").path
      func time(_ executable: String, _ arguments: [String]) throws -> (Timing, Int) {
        var peak = 0
        var status: Int32 = 0
        // No warm-up: the file was just read, and scanned once by the check.
        let timing = try Timing.of(executable, iterations: runs, warmUp: 0) {
          let run = try runMeasured(executable, arguments, output: output)
          peak = max(peak, run.peakMemory)
          status = max(status, run.status)
        }
        // grep -c exits with 1 when nothing matched; anything else is a failure.
        if status > 1 {
          throw CocoaError(
            .fileReadUnknown,
            userInfo: [
              NSLocalizedDescriptionKey: "\(executable) exited with status \(status) on \(path)"
            ])
        }
        return (timing, peak)
      }
      (result.grep, result.grepPeak) = try time(grep, ["-cE", keywords, path])
      result.ripgrep = try time(ripgrep, ["-c", keywords, path]).0
      (result.scan, result.scanPeak) = try time(
        binary, ["scan", "--json", "--content", content, path])
      return result
    }
  }

  /// Scans `path` once with a time limit: the number of entries found, or what went wrong.
  func check(_ path: String) -> Swift.Result<Int, CheckFailure> {
    let report = folder.appendingPathComponent("report.json")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["scan", "--json", "--content", content, path]
    guard FileManager.default.createFile(atPath: report.path, contents: nil),
      let output = try? FileHandle(forWritingTo: report)
    else { return .failure(CheckFailure("cannot write \(report.path)")) }
    defer { try? output.close() }
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let clock = ContinuousClock()
    let start = clock.now
    do { try process.run() } catch {
      return .failure(CheckFailure("cannot start: \(describe(error))"))
    }
    while process.isRunning {
      if clock.now - start > Self.timeLimit {
        process.terminate()
        process.waitUntilExit()
        return .failure(CheckFailure("HUNG (no answer within \(Self.timeLimit))"))
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    process.waitUntilExit()
    if process.terminationReason == .uncaughtSignal {
      return .failure(CheckFailure("CRASHED (signal \(process.terminationStatus))"))
    }
    guard process.terminationStatus == 0 else {
      return .failure(CheckFailure("FAILED (exit status \(process.terminationStatus))"))
    }
    guard let data = try? Data(contentsOf: report),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return .failure(CheckFailure("FAILED (its output is not a JSON report)")) }
    return .success(object["entries"] as? Int ?? -1)
  }

  struct CheckFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// The table of `results`: per byte against the smallest input of the same group.
  static func table(_ title: String, _ results: [Result]) -> (lines: [String], notLinear: [Result])
  {
    let header = [
      title, "size", "rmq-doctor scan", "MB/s", "grep -cE", "vs grep", "rg -c",
      "per byte vs smallest", "verdict",
      "scan peak memory", "grep peak memory", "entries",
    ]
    var cells: [[String]] = [header]
    var notLinear: [Result] = []
    var smallest: [String: Result] = [:]
    func memory(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
    func megabytesPerSecond(_ rate: Double) -> String {
      String(format: rate < 10 ? "%.2f" : "%.0f", rate)
    }
    for result in results {
      guard let scan = result.scan, let grep = result.grep, let perByte = result.perByte else {
        cells.append(
          [result.input.group, result.input.size, result.failure ?? "FAILED"]
            + Array(repeating: "", count: header.count - 3))
        notLinear.append(result)
        continue
      }
      let base = smallest[result.input.group] ?? result
      if smallest[result.input.group] == nil { smallest[result.input.group] = result }
      let isBase = base.input.size == result.input.size
      let ratio = perByte / (base.perByte ?? perByte)
      if !isBase, ratio > 2 { notLinear.append(result) }
      cells.append([
        result.input.group, result.input.size, scan.median.formatted,
        megabytesPerSecond(Double(result.bytes) / 1e6 / scan.median.seconds), grep.median.formatted,
        String(format: "%.2fx", scan.median.seconds / grep.median.seconds),
        result.ripgrep?.median.formatted ?? "",
        isBase ? "1.00x" : String(format: "%.2fx", ratio),
        isBase ? "per-byte baseline" : (ratio <= 2 ? "linear (≤ 2x)" : "NOT linear (> 2x)"),
        memory(result.scanPeak), memory(result.grepPeak), String(result.entries),
      ])
    }
    return (TextTable.lines(cells), notLinear)
  }

  /// Both tables; false when a row is not linear or a scan failed.
  func run() throws -> Bool {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // The saved index in a folder of this run's own; the first scan writes it.
    let cache = folder.appendingPathComponent("cache-\(getpid())").path
    setenv("RMQ_DOCTOR_CACHE", cache, 1)
    defer {
      try? FileManager.default.removeItem(atPath: cache)
      // The tools' outputs, unless the logs are kept too.
      if !keep {
        for name in ["output.txt", "report.json"] {
          try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
      }
    }
    let files = Self.table("scan, growing file", try measure(Self.growingFiles))
    let lines = Self.table("scan, growing lines (4 MB each)", try measure(Self.growingLines))
    for line in files.lines { print(line) }
    print("")
    for line in lines.lines { print(line) }
    let bad = files.notLinear + lines.notLinear
    print(
      "\n\(runs) runs of each tool per row, medians; baseline grep -cE '<key words>', measured in the same run; "
        + (bad.isEmpty ? "every row linear." : "\(bad.count) rows NOT linear or failed."))
    return bad.isEmpty
  }
}
