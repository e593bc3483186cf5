// One command: `Benchmarks/run scan` (see Benchmarks/README.md).
import BenchmarkSupport
import Foundation

let repository = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let quick = CommandLine.arguments.contains("--quick")
// Keeps the generated logs in .build-release/scan-benchmark, for profiling.
let keep = CommandLine.arguments.contains("--keep")

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("scan-benchmark: \(message)\n".utf8))
  exit(1)
}

func note(_ message: String) {
  FileHandle.standardError.write(Data("scan-benchmark: \(message)\n".utf8))
}

/// The real broker captures the synthetic log is made of, inside this repository.
let fixtures = repository.appendingPathComponent("Tests/Fixtures/broker-3.10")

guard let executable = Bundle.main.executableURL else {
  fail("cannot tell where this benchmark's binary is")
}
let binary = executable.deletingLastPathComponent().appendingPathComponent("rmq-doctor").path
guard FileManager.default.isExecutableFile(atPath: binary) else {
  fail("\(binary) is missing; run Benchmarks/run")
}
guard let grep = which("grep") else { fail("grep is not on PATH") }
guard let ripgrep = which("rg") else { fail("rg is not on PATH; apt-get install ripgrep") }
guard let gzip = which("gzip") else { fail("gzip is not on PATH") }

// The error families' key words, as an on-call engineer would grep for them.
let keywords =
  "unexpectedly closed|missed heartbeats|etimedout|econnreset|econnrefused|ehostunreach|epipe"
  + "|handshake_timeout|bad_header|connection_forced|login refused|access_refused|not found"

// `--linear` (`Benchmarks/run linear`): pathological logs at three sizes instead, written to
// .build-bench/linear-scan and removed after timing (unless --keep).
if CommandLine.arguments.contains("--linear") {
  do {
    let linear = LinearScan(
      binary: binary, grep: grep, ripgrep: ripgrep,
      content: repository.appendingPathComponent("Content").path,
      keywords: keywords, folder: repository.appendingPathComponent(".build-bench/linear-scan"),
      runs: quick ? 3 : 5,
      keep: keep)
    if try !linear.run() { fail("some scans were not linear or failed; see the table") }
    exit(0)
  } catch {
    fail(describe(error))
  }
}

// Whatever fails below (a missing input, a tool that cannot start) is one line on standard
// error and exit status 1, never a stack trace.
do {
  let folder = repository.appendingPathComponent(".build-release/scan-benchmark")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let log = try SyntheticLog(fixtures: fixtures)
  let runs = quick ? 3 : 7

  struct Row {
    var label: String
    var size: String
    var measurement: Timing
    var peakMemory: Int
    /// Against grep -cE on the same input (plain text) or the same tool's baseline.
    var ratio: Double?
    /// Against rg on the same input, measured in the same run.
    var rgRatio: Double?
    /// The most `rgRatio` may be, for a row with a goal.
    var goal: Double?
  }

  var rows: [Row] = []
  var checks: [String] = []
  for (size, sizeLabel) in [(100_000_000, "100 MB"), (1_100_000_000, "1.1 GB")] {
    let path = folder.appendingPathComponent("rabbit-\(size).log").path
    note("writing \(sizeLabel) of log to \(path)")
    let injected = try log.write(size: size, to: path)
    // Read once, so that every tool finds the file in the page cache.
    _ = try runToEnd(which("cat") ?? "/bin/cat", [path])

    func measure(_ label: String, _ executable: String, _ arguments: [String]) throws -> (
      Timing, Int
    ) {
      var peak = 0
      let measurement = try Timing.of(label, iterations: runs, warmUp: 1) {
        let run = try runMeasured(
          executable, arguments, output: folder.appendingPathComponent("output.txt").path)
        peak = max(peak, run.peakMemory)
      }
      return (measurement, peak)
    }
    note("timing grep, rg and rmq-doctor scan on \(sizeLabel), \(runs) runs each")
    let (grepTime, grepPeak) = try measure("grep -cE", grep, ["-cE", keywords, path])
    let (rgTime, rgPeak) = try measure("rg -c", ripgrep, ["-c", keywords, path])
    let (scanTime, scanPeak) = try measure(
      "rmq-doctor scan --json", binary, ["scan", "--json", path])
    rows.append(
      Row(
        label: "grep -cE '<key words>'", size: sizeLabel, measurement: grepTime,
        peakMemory: grepPeak))
    rows.append(
      Row(
        label: "rg -c '<key words>'", size: sizeLabel, measurement: rgTime, peakMemory: rgPeak,
        ratio: rgTime.median.seconds / grepTime.median.seconds, rgRatio: 1))
    rows.append(
      Row(
        label: "rmq-doctor scan --json", size: sizeLabel, measurement: scanTime,
        peakMemory: scanPeak,
        ratio: scanTime.median.seconds / grepTime.median.seconds,
        rgRatio: scanTime.median.seconds / rgTime.median.seconds,
        goal: 1.5))

    // The same log compressed (once, with gzip -1): rg -z decompresses it in a child process,
    // rmq-doctor on a thread of its own.
    let compressed = path + ".gz"
    note("compressing the \(sizeLabel) log with gzip -1")
    let zipped = try runMeasured(gzip, ["-1", "-c", path], output: compressed)
    guard zipped.status == 0 else { fail("gzip -1 -c \(path) failed with status \(zipped.status)") }
    _ = try runToEnd(which("cat") ?? "/bin/cat", [compressed])
    note("timing rg -z and rmq-doctor scan on the \(sizeLabel) .gz, \(runs) runs each")
    let (rgZTime, rgZPeak) = try measure("rg -z -c", ripgrep, ["-z", "-c", keywords, compressed])
    let (scanZTime, scanZPeak) = try measure(
      "rmq-doctor scan --json .gz", binary, ["scan", "--json", compressed])
    rows.append(
      Row(
        label: "rg -z -c '<key words>' .gz", size: sizeLabel, measurement: rgZTime,
        peakMemory: rgZPeak, rgRatio: 1))
    rows.append(
      Row(
        label: "rmq-doctor scan --json .gz", size: sizeLabel, measurement: scanZTime,
        peakMemory: scanZPeak,
        rgRatio: scanZTime.median.seconds / rgZTime.median.seconds, goal: 1.5))
    if !keep { try? FileManager.default.removeItem(atPath: compressed) }

    // The scan must have found and classified every entry written.
    let output = folder.appendingPathComponent("report-\(size).json")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["scan", "--json", path]
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let report = try? JSONSerialization.jsonObject(with: Data(contentsOf: output))
        as? [String: Any]
    else { fail("rmq-doctor scan --json \(path) failed with status \(process.terminationStatus)") }
    let entries = report["entries"] as? Int ?? -1
    let classified = report["classified"] as? Int ?? -1
    checks.append(
      "\(sizeLabel): \(injected) error entries written, \(entries) found, \(classified) classified")
    if !keep { try? FileManager.default.removeItem(atPath: path) }
  }

  func memory(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
  let header = [
    "benchmark", "log", "median", "min", "max", "vs grep", "vs rg", "peak memory", "goal",
  ]
  var table = rows.map { row -> [String] in
    let sorted = row.measurement.samples.sorted()
    let goal =
      row.goal.map { goal in
        let met = (row.rgRatio ?? .infinity) <= goal
        return String(format: "≤ %.1fx rg: %@", goal, met ? "met" : "NOT met")
      } ?? ""
    return [
      row.label, row.size, row.measurement.median.formatted, sorted.first?.formatted ?? "",
      sorted.last?.formatted ?? "",
      row.ratio.map { String(format: "%.2fx", $0) } ?? (row.label.hasPrefix("grep") ? "1.00x" : ""),
      row.rgRatio.map { String(format: "%.2fx", $0) } ?? "", memory(row.peakMemory), goal,
    ]
  }
  table.insert(header, at: 0)
  let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
  for (index, row) in table.enumerated() {
    print(
      row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
        separator: "  "))
    if index == 0 {
      print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    }
  }
  print("")
  for check in checks { print(check) }
  let peaks = rows.filter { $0.label == "rmq-doctor scan --json" }.map(\.peakMemory)
  if peaks.count == 2 {
    print(
      String(
        format: "scan peak memory at 1.1 GB / at 100 MB: %.2fx (goal: flat)",
        Double(peaks[1]) / Double(peaks[0])))
  }
} catch {
  fail(describe(error))
}
