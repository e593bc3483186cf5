// fuzz-gzip: the gzip reader of `rmq-doctor scan` (`GzipSource` over zlib): members, concatenated
// members, truncated and corrupt streams, trailing garbage, zlib streams. Each input is
// decompressed twice, in large and in small reads, and both must give the same bytes and the same
// end (an error or not): what a scan counts must not depend on how its reads fall. Then the
// input is scanned as `rmq-doctor scan` reads a file of unknown type (sniffed, then decompressed).
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
let index = SearchIndex(documents: loadShippedContent(target: "fuzz-gzip").searchDocuments)

/// Decompressed bytes kept per reading: a small input can expand a thousandfold.
let largeLimit = 1 << 20
let smallLimit = 1 << 16

/// What one reading gave: the bytes (up to `limit`), whether it ended in an error, and whether
/// it stopped at the limit instead of at the end.
struct Inflated {
  var bytes: [UInt8] = []
  var failed = false
  var clipped = false
}

/// Reads all of `input` through `GzipSource` with reads of `chunk` bytes.
func inflate(_ input: [UInt8], chunk: Int, limit: Int) -> Inflated {
  var result = Inflated()
  var source: GzipSource<MemorySource>
  do {
    source = try GzipSource(MemorySource(input), name: "fuzz.gz")
  } catch {
    result.failed = true
    return result
  }
  let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
  defer { buffer.deallocate() }
  while true {
    let count: Int
    do {
      count = try source.read(into: buffer)
    } catch {
      result.failed = true
      return result
    }
    if count == 0 { return result }
    require(count <= chunk, "GzipSource.read returned more bytes than the buffer holds")
    result.bytes += buffer[..<count]
    if result.bytes.count >= limit {
      result.clipped = true
      return result
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let large = inflate(bytes, chunk: 1 << 16, limit: largeLimit)
  // 1 to 64 bytes a read, told by the input's size, so that reads end everywhere.
  let small = inflate(bytes, chunk: 1 + size % 64, limit: smallLimit)
  let common = min(large.bytes.count, small.bytes.count)
  require(
    large.bytes[..<common] == small.bytes[..<common], "GzipSource: the bytes depend on the size of the reads")
  if !small.clipped && !large.clipped {
    require(large.bytes.count == small.bytes.count, "GzipSource: how many bytes depends on the size of the reads")
    require(large.failed == small.failed, "GzipSource: whether the data fails depends on the size of the reads")
  }
  let scanner = LogScanner(classifier: LogClassifier(index: index), year: 2026)
  scanner.scan(sniffing: MemorySource(bytes), name: "fuzz.gz")
  _ = scanner.report()
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
