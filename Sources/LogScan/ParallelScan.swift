import Dispatch
import Foundation

/// How a large plain-text file is scanned on several cores. Internal, so that tests can make
/// every fixture take the parallel path with tiny chunks.
struct ParallelScanOptions: Sendable {
  /// The nominal size of a chunk (a region, see `ChunkBoundaries`).
  var chunkSize = 16 << 20
  /// Files smaller than this are scanned on one thread.
  var threshold = 32 << 20
  /// How many threads scan chunks; 1 turns the parallel path off.
  var threads = ProcessInfo.processInfo.activeProcessorCount
  /// Each thread's read buffer; larger than a line can be (64 KiB).
  var readSize = 1 << 18
  /// The buffer for looking for a chunk's start.
  var searchReadSize = 1 << 17
}

/// An entry with everything found out about it that needs no running count: what a chunk's
/// thread hands to `ScanTally.record`, in the order of the file.
struct PreparedEntry: Sendable {
  var entry: LogEntry
  var guide: String?
  var shape: String
  var details: ConnectionDetails
  var followOn: Bool
}

/// What one chunk gave.
struct ChunkResult: Sendable {
  var entries: [PreparedEntry] = []
  /// Entries outside the scan's window.
  var outsideWindow = 0
  /// Lines read, the chunk's last one included even without its newline.
  var lines = 0
  var bytes = 0
  var error: ScanInputError?
}

extension LogScanner {
  /// An entry made ready for `tally.record`, or nil when it is outside the window.
  func prepare(_ entry: LogEntry) -> PreparedEntry? {
    guard window.contains(entry.time) else { return nil }
    let shape = EntryShape.of(entry.messages)
    let guide = classifier.guide(for: entry, shape: shape)
    return PreparedEntry(
      entry: entry, guide: guide, shape: shape,
      details: ConnectionDetails(messages: entry.messages, prefixes: prefixes),
      followOn: guide.map(classifier.followOnGuides.contains) ?? false)
  }

  /// Counts a prepared entry.
  func record(_ prepared: PreparedEntry) {
    tally.record(
      prepared.entry, guide: prepared.guide, shape: prepared.shape, details: prepared.details,
      followOn: prepared.followOn)
  }

  /// Scans the plain text `bytes` (`size` bytes when the scan begins) on `options.threads`
  /// threads, with the same report and summary as `scan(_:name:)` gives.
  ///
  /// The file is cut at `ChunkBoundaries`; each thread takes the next chunk, reads it with a
  /// buffer of its own, joins its lines into entries and prepares them (`prepare`); the chunks'
  /// entries are counted strictly in the file's order, their line numbers moved by the lines of
  /// the chunks before, so every limit of `ScanTally` acts as in one pass. A thread starts
  /// chunk `k` only while `k` is less than the number of counted chunks plus twice the number of
  /// threads, so memory stays the same however large the file.
  ///
  /// A read error ends the scan at the chunk it happened in: the chunks before it and the lines
  /// of that chunk read before the error count, and the error is kept in the summary, as in
  /// one pass (where the lines before the failed read count). The failed read is not the same
  /// one as in a single pass, since the reads are not the same.
  func scanInParallel<Bytes: PositionalBytes>(
    _ bytes: Bytes, size: Int, name: String, options: ParallelScanOptions
  ) -> FileSummary {
    let boundaries = ChunkBoundaries(chunkSize: options.chunkSize, size: size)
    let threads = max(1, min(options.threads, boundaries.regionCount))
    let state = ParallelScanState(window: 2 * threads, chunkCount: boundaries.regionCount)
    let entriesBefore = tally.entries
    let work = UnsafeSendable(self)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      let scanner = work.value
      let splitter = LineSplitter(bufferSize: options.readSize)
      let searcher = LineSplitter(bufferSize: options.searchReadSize)
      while let index = state.nextChunk() {
        let result = scanner.scanChunk(
          index, of: bytes, boundaries: boundaries, name: name, splitter: splitter,
          searcher: searcher)
        state.finished(index, result) { scanner.commit($0) }
      }
    }
    var summary = FileSummary(path: name)
    summary.lines = state.lines
    summary.bytes = state.error == nil ? state.bytes : 0
    summary.error = state.error?.reason
    summary.entries = tally.entries - entriesBefore
    tally.files.append(summary)
    return summary
  }

  /// Counts a chunk's entries; called for the chunks in order, by one thread at a time.
  func commit(_ chunk: (result: ChunkResult, linesBefore: Int)) {
    tally.outsideWindow += chunk.result.outsideWindow
    for var prepared in chunk.result.entries {
      prepared.entry.line += chunk.linesBefore
      record(prepared)
    }
  }

  /// Reads chunk `index`: from its region's boundary to the next region's boundary there is
  /// (or to the end of the file). A chunk whose region has no boundary is empty.
  func scanChunk<Bytes: PositionalBytes>(
    _ index: Int, of bytes: Bytes, boundaries: ChunkBoundaries, name: String,
    splitter: borrowing LineSplitter, searcher: borrowing LineSplitter
  ) -> ChunkResult {
    var result = ChunkResult()
    let start: Int
    do throws(ScanInputError) {
      guard let found = try boundaries.boundary(of: index, in: bytes, splitter: searcher) else {
        return result
      }
      start = found
    } catch {
      result.error = error
      return result
    }
    let chunkSize = boundaries.chunkSize
    let nextRegion = (index + 1) * chunkSize
    let lastRegionEnd = boundaries.regionCount * chunkSize
    var source = PositionalSource(bytes, offset: start)
    var assembler = EntryAssembler(file: name, year: year)
    var detector = ChunkBoundaries.Detector()
    var end: Int?
    var read = 0
    do throws(ScanInputError) {
      read = try splitter.forEachLine(in: &source) { line, _, offset in
        let lineStart = start + offset
        let taken: LogEntry?
        if lineStart >= nextRegion, lineStart < lastRegionEnd {
          // Past the region's end: each line is asked whether it is the next chunk's first.
          let header = LineHeader(reading: line)
          if detector.isBoundary(line, at: lineStart, header: header, chunkSize: chunkSize) {
            end = lineStart
            return false
          }
          taken = assembler.take(line, header: header)
        } else {
          taken = assembler.take(line)
        }
        if let entry = taken {
          if let prepared = prepare(entry) {
            result.entries.append(prepared)
          } else {
            result.outsideWindow += 1
          }
        }
        return true
      }
    } catch {
      result.error = error
    }
    if let entry = assembler.finish() {
      if let prepared = prepare(entry) {
        result.entries.append(prepared)
      } else {
        result.outsideWindow += 1
      }
    }
    result.lines = assembler.lineNumber
    result.bytes = (end ?? start + read) - start
    return result
  }
}

/// The chunks handed out and counted so far, shared by the threads of a parallel scan.
private final class ParallelScanState: @unchecked Sendable {
  let condition = NSCondition()
  /// How many chunks may be handed out beyond those counted.
  let window: Int
  let chunkCount: Int
  var next = 0
  var committed = 0
  /// Whether a thread is counting chunks now.
  var committing = false
  var waiting: [Int: ChunkResult] = [:]
  /// Totals of the counted chunks.
  var lines = 0
  var bytes = 0
  var error: ScanInputError?

  init(window: Int, chunkCount: Int) {
    self.window = window
    self.chunkCount = chunkCount
  }

  /// The next chunk to read, once it is within the window; nil when there is none left or a
  /// read error ended the scan.
  func nextChunk() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while next < chunkCount, error == nil, next >= committed + window { condition.wait() }
    guard next < chunkCount, error == nil else { return nil }
    next += 1
    return next - 1
  }

  /// Hands in chunk `index`'s result; the calling thread then counts (`commit`) every chunk
  /// that is next in order, unless another thread is doing so already.
  func finished(
    _ index: Int, _ result: ChunkResult, commit: ((result: ChunkResult, linesBefore: Int)) -> Void
  ) {
    condition.lock()
    defer { condition.unlock() }
    waiting[index] = result
    guard !committing else { return }
    committing = true
    while error == nil, let result = waiting.removeValue(forKey: committed) {
      let linesBefore = lines
      condition.unlock()
      commit((result, linesBefore))
      condition.lock()
      lines += result.lines
      bytes += result.bytes
      error = result.error
      committed += 1
      condition.broadcast()
    }
    committing = false
  }
}

/// A value handed to the threads of `concurrentPerform`, which use it as `ParallelScanState`
/// allows (the tally only by the thread that is counting).
private struct UnsafeSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
