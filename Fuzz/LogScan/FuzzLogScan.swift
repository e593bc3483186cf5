// fuzz-log-scan: `rmq-doctor scan` on a log held in memory: the gzip sniffing, the line endings
// (`\n`, `\r\n`, a lone `\r`), the line splitter, every line header format (RabbitMQ 3.9+, lager,
// Erlang reports, JSON, journald/syslog, client loggers), the multi-line entry assembler, the
// timestamps, the classification by the search, the connection details, and the report in every
// grouping as text and JSON; also the first line as a `--since`/`--until` time. Each input is
// scanned twice, read whole and in small reads, and both reports must be the same.
//
// `LineHeader` and `EntryAssembler` are internal: they are reached through `LogScanner`, their
// only caller.
//
// Built by `.ci/fuzz` with `-sanitize=fuzzer,address -D FUZZING`: libFuzzer's `main` drives
// `LLVMFuzzerTestOneInput`. In a normal `swift build` the same file is a small program that runs
// each file named on its command line through the target once, to replay a saved crash.
import ErrorSearch
import Foundation
import FuzzSupport
import GuideKit
import LogScan

/// The shipped guides' search index, built once: `RMQ_DOCTOR_FUZZ_CONTENT`, else Content/.
let index = SearchIndex(documents: loadShippedContent(target: "fuzz-log-scan").searchDocuments)

/// A fixed "now" for ages such as `6h`, so that a run can be repeated.
let now = Date(timeIntervalSince1970: 1_795_000_000)

/// Reads `bytes` at most `chunk` bytes at a time, as a pipe does.
struct ChunkedSource: ByteSource {
  let bytes: [UInt8]
  let chunk: Int
  var offset = 0

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError) -> Int {
    let count = min(buffer.count, chunk, bytes.count - offset)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
    offset += count
    return count
  }
}

/// The report of a scan of `source`, with a new scanner and classifier, so that nothing carries
/// over between inputs.
func scan<Source: ByteSource>(_ source: Source) -> ScanReport {
  let scanner = LogScanner(classifier: LogClassifier(index: index), year: 2026)
  scanner.scan(sniffing: source, name: "fuzz.log")
  return scanner.report()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let report = scan(MemorySource(bytes))
  // The same bytes in reads of 1 to 251 bytes (told by the input's size) must give the same
  // report: what a scan counts must not depend on how the reads fall (a file, a pipe, gzip).
  let chunked = scan(ChunkedSource(bytes: bytes, chunk: 1 + size % 251))
  require(chunked == report, "LogScanner: the report depends on the size of the reads")
  let presentation = ScanPresentation(report: report, width: 80)
  for grouping in ScanGrouping.allCases { _ = presentation.text(by: grouping) }
  _ = presentation.summary()
  _ = try? JSONEncoder().encode(report)
  let firstLine = bytes.prefix(64).split(separator: 0x0A, omittingEmptySubsequences: false).first ?? []
  _ = ScanWindow.time(parsing: String(decoding: firstLine, as: UTF8.self), now: now)
  return 0
}

/// libFuzzer calls this once before reading the corpus: builds the index.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  withoutLeakChecks { _ = index.documents.count }
  return 0
}

#if !FUZZING
  /// Without libFuzzer: runs each file named on the command line through the target once.
  @main
  enum Replay {
    static func main() { replay(CommandLine.arguments.dropFirst(), through: fuzz) }
  }
#endif
