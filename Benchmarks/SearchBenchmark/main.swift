import BenchmarkSupport
// One command: `swift run -c release search-benchmark` (see Benchmarks/README.md).
import ErrorSearch
import Foundation
import GuideKit

let repository = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let content = repository.appendingPathComponent("Content").path
let quick = CommandLine.arguments.contains("--quick")
// Only the pathological queries' table (`Benchmarks/run linear`).
let linearOnly = CommandLine.arguments.contains("--linear")

/// One row of the printed table.
struct Row {
  var name: String
  var measurement: Timing
  var baseline: Timing?
  var goal: String
  var met: Bool?
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("search-benchmark: \(message)\n".utf8))
  exit(1)
}

// The whole process: `rmq-doctor search` against `grep -ril` for the same key word.
guard let executable = Bundle.main.executableURL else {
  fail("cannot tell where this benchmark's binary is")
}
let binary = executable.deletingLastPathComponent().appendingPathComponent("rmq-doctor").path
guard FileManager.default.isExecutableFile(atPath: binary) else {
  fail("\(binary) is missing; run `swift build -c release` first")
}
guard let grep = which("grep") else { fail("grep is not on PATH") }
// Whatever fails below (a missing input, a tool that cannot start) is one line on standard
// error and exit status 1, never a stack trace.
do {
  // Pathological input, in process on the shipped guides: each kind of query at three sizes.
  // Linear means the time per input byte stays within 2x of the smallest size's.
  @discardableResult
  func pathologicalTable() throws -> Bool {
    let loaded = try ContentLoader.load(directory: content)
    guard loaded.errors.isEmpty else { fail("\(loaded.errors[0])") }
    let shipped = SearchIndex(documents: loaded.library.searchDocuments)
    let iterations = quick ? 20 : 100
    let (lines, notLinear) = PathologicalQueries.table(
      PathologicalQueries.measure(on: shipped, iterations: iterations))
    for line in lines { print(line) }
    print(
      "\n\(iterations) queries per row, each a run of \(PathologicalQueries.sizes.map(String.init).joined(separator: ", ")) characters + \"\(PathologicalQueries.suffix)\"; \(notLinear.isEmpty ? "every row linear" : "\(notLinear.count) rows NOT linear")."
    )
    return notLinear.isEmpty
  }
  if linearOnly {
    if try !pathologicalTable() { fail("some pathological queries were not linear; see the table") }
    exit(0)
  }
  let processRuns = quick ? 10 : 40
  var rows: [Row] = []
  let grepRun = try Timing.of("grep -ril econnreset Content/", iterations: processRuns) {
    _ = try runToEnd(grep, ["-ril", "econnreset", content])
  }
  rows.append(
    Row(
      name: "grep -ril econnreset Content/", measurement: grepRun, baseline: nil, goal: "baseline",
      met: nil))
  // The saved index lives in a folder of this run's own; the first search below writes it.
  let cache = FileManager.default.temporaryDirectory.appendingPathComponent(
    "rmq-doctor-bench-\(getpid())"
  ).path
  defer { try? FileManager.default.removeItem(atPath: cache) }
  setenv("RMQ_DOCTOR_CACHE", cache, 1)
  for (label, query, cached) in [
    ("rmq-doctor search econnreset", "econnreset", true),
    (
      "rmq-doctor search <pasted broker line>",
      "2026-11-23 04:46:25.280625+00:00 [error] <0.680.0> closing AMQP connection <0.680.0> (10.0.0.7:41836 -> 10.0.0.2:5672, vhost: '/', user: 'app'): {inet_error,etimedout}",
      true
    ),
    ("rmq-doctor search econnreset, no cache", "econnreset", false),
  ] {
    setenv("RMQ_DOCTOR_CACHE", cached ? cache : "off", 1)
    let run = try Timing.of(label, iterations: processRuns) {
      _ = try runToEnd(binary, ["search", "--content", content, query])
    }
    let ratio = run.median.seconds / grepRun.median.seconds
    rows.append(
      Row(
        name: label, measurement: run, baseline: grepRun,
        goal: cached ? "≤ 2x grep" : "(for comparison)",
        met: cached ? ratio <= 2 : nil))
  }

  // In process: one query against an index of 10, 100 and 1,000 guides.
  let loaded = try ContentLoader.load(directory: content)
  guard loaded.errors.isEmpty else { fail("\(loaded.errors[0])") }
  let generator = SyntheticGuides(templates: loaded.library.searchDocuments)
  let queries = [
    "closing AMQP connection <0.680.0> (10.0.0.7:41836 -> 10.0.0.2:5672): missed heartbeats from client, timeout: 60s",
    "pika.exceptions.StreamLostError: Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')",
    "=ERROR REPORT==== 3-Mar-2016::10:01:02 ===\nclosing AMQP connection <0.9.0> (10.1.1.1:5000 -> 10.1.1.2:5672):\n{handshake_timeout,handshake}",
    "com.rabbitmq.client.ShutdownSignalException: connection error; protocol method: #method<connection.close>(reply-code=320, reply-text=CONNECTION_FORCED - broker forced connection closure with reason 'shutdown', class-id=0, method-id=0)",
    "connection reset behind haproxy",
    "dial tcp 10.0.0.2:5672: connect: connection refused",
    "PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'jobs'",
    "Error: read ECONNRESET at TCP.onStreamRead (node:internal/stream_base_commons:217:20)",
  ]
  for size in [10, 100, 1000] {
    let documents = generator.make(size)
    let index = SearchIndex(documents: documents)
    let lowered = documents.map {
      ($0.title + " " + $0.summary + " " + $0.signatures.joined(separator: " ") + " " + $0.body)
        .lowercased()
    }
    var next = 0
    let iterations = quick ? 300 : 3000
    let search = Timing.of("search, \(size) guides", iterations: iterations) {
      _ = index.search(queries[next % queries.count])
      next += 1
    }
    // The baseline: what a naive search does, each query word looked up in every guide's text.
    let words = queries.map {
      $0.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
    next = 0
    // It is slow, so fewer runs of it are enough for a stable median.
    let naive = Timing.of("naive scan", iterations: max(20, iterations / 100)) {
      let query = words[next % words.count]
      next += 1
      var best = (0, -1)
      for (i, text) in lowered.enumerated() {
        let hits = query.reduce(0) { $0 + (text.contains($1) ? 1 : 0) }
        if hits > best.0 { best = (hits, i) }
      }
      precondition(best.1 >= -1)
    }
    rows.append(
      Row(
        name: "in-process query, \(size) guides", measurement: search, baseline: naive,
        goal: size == 1000 ? "median < 1 ms" : "",
        met: size == 1000 ? search.median < .milliseconds(1) : nil))
  }

  // The table.
  func pad(_ s: String, _ n: Int) -> String {
    s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
  }
  let header = [
    pad("benchmark", 40), pad("median", 10), pad("p99", 10), pad("baseline", 32),
    pad("baseline median", 16), pad("ratio", 7), "goal",
  ]
  print(header.joined(separator: " "))
  print(String(repeating: "-", count: 132))
  for row in rows {
    let ratio =
      row.baseline.map {
        String(format: "%.2fx", row.measurement.median.seconds / $0.median.seconds)
      } ?? ""
    let verdict = row.met.map { $0 ? " (met)" : " (NOT met)" } ?? ""
    print(
      [
        pad(row.name, 40), pad(row.measurement.median.formatted, 10),
        pad(row.measurement.p99.formatted, 10),
        pad(row.baseline?.name ?? "", 32), pad(row.baseline?.median.formatted ?? "", 16),
        pad(ratio, 7),
        row.goal + verdict,
      ].joined(separator: " "))
  }
  print(
    "\n\(processRuns) process runs and \(quick ? 300 : 3000) in-process queries per row; baselines measured in the same run.\n"
  )
  try pathologicalTable()
} catch {
  fail(describe(error))
}
