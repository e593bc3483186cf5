#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a plain-text log can be cut into chunks that are scanned apart and give, once their
/// entries are put back in order, exactly what one scan from the start gives.
///
/// The file is divided into regions of `chunkSize` bytes (the size as it was when the scan
/// began). Region `k`'s boundary is a line `L` found like this: skip to the first line that
/// starts at or after `k * chunkSize`; the first line there that starts a record (it has a
/// timestamp or a level, `LineHeader.startsRecord`) is `P`, never a boundary itself; then the
/// first later line starting before `(k + 1) * chunkSize` that starts a record, has a non-empty
/// timestamp, and whose timestamp bytes differ from those of the record-starting line just
/// before it, is `L`. Region 0's boundary is the start of the file.
///
/// Why `EntryAssembler` carries nothing but the line count across such a line: `L` starts a
/// record, so it goes to `takeRecord` (or to the fast path for quiet lines, which leaves the
/// same state). An open entry is only continued by a record line with the same level, pid and
/// timestamp as the line that opened it, and every record line after that opening line either
/// ended the entry or joined it with the same timestamp; so the open entry's timestamp is the
/// previous record line's, which `L`'s differs from. `L` therefore ends any open entry (it is
/// handed over exactly as `finish()` hands it over at a chunk's end), sets `lastStamp` and its
/// style from itself, and sets `quiet` (`.headered` or `.none`) whatever came before.
/// Continuation lines (tracebacks, plain lines, report bodies) never start a record, so they
/// are never boundaries.
///
/// A region without such a line has no boundary: its bytes belong to the chunk before. Finding
/// a boundary reads at most the region and one line (64 KiB) after it, so even a file without
/// any boundary (one giant line, a client's stderr) costs about one extra pass.
struct ChunkBoundaries: Sendable {
  let chunkSize: Int
  /// How many regions the file had when the scan began; boundaries are only looked for in
  /// these, so that a log still being written is read to its end by the last chunk.
  let regionCount: Int

  init(chunkSize: Int, size: Int) {
    precondition(chunkSize > 0)
    self.chunkSize = chunkSize
    regionCount = max(1, (size + chunkSize - 1) / chunkSize)
  }

  /// Tells a region's boundary while its lines are read in order.
  struct Detector {
    var region = -1
    var hasPrevious = false
    /// The timestamp bytes of the last record-starting line of the region (empty when it had none).
    var previous: [UInt8] = []

    /// Whether the line `line` starting at `offset` in the file, whose header is `header`, is the
    /// boundary of its region. Lines must be given in order, from the region's first line on.
    mutating func isBoundary(
      _ line: UnsafeRawBufferPointer, at offset: Int, header: LineHeader, chunkSize: Int
    ) -> Bool {
      let region = offset / chunkSize
      if region != self.region {
        self.region = region
        hasPrevious = false
      }
      guard header.startsRecord else { return false }
      let stamp =
        header.timestamp.map { UnsafeRawBufferPointer(rebasing: line[$0]) }
        ?? UnsafeRawBufferPointer(start: nil, count: 0)
      if hasPrevious, !stamp.isEmpty, !stamp.elementsEqual(previous) { return true }
      previous.removeAll(keepingCapacity: true)
      previous.append(contentsOf: stamp)
      hasPrevious = true
      return false
    }
  }

  /// The offset of region `index`'s boundary, or nil when it has none. `splitter` is a buffer
  /// to read with.
  func boundary<Bytes: PositionalBytes>(
    of index: Int, in bytes: Bytes, splitter: borrowing LineSplitter
  ) throws(ScanInputError) -> Int? {
    guard index > 0 else { return 0 }
    guard index < regionCount else { return nil }
    let regionStart = index * chunkSize
    let regionEnd = regionStart + chunkSize
    // From the byte before the region: the first line handed over is the end of the line that
    // byte is in (empty when it is a newline), and every later one starts in or after the region.
    let from = regionStart - 1
    var source = PositionalSource(
      bytes, offset: from, limit: regionEnd + LineSplitter.maximumLineLength)
    var first = true
    var detector = Detector()
    var found: Int?
    let chunkSize = self.chunkSize
    _ = try splitter.forEachLine(in: &source) { line, _, offset in
      if first {
        first = false
        return true
      }
      let start = from + offset
      guard start < regionEnd else { return false }
      if detector.isBoundary(
        line, at: start, header: LineHeader(reading: line), chunkSize: chunkSize)
      {
        found = start
        return false
      }
      return true
    }
    return found
  }
}

/// Bytes that can be read at any offset, from several threads at once: a regular file.
protocol PositionalBytes: Sendable {
  /// Reads up to `buffer.count` bytes at `offset` into `buffer`; 0 at the end.
  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(ScanInputError)
    -> Int
}

/// A file descriptor read with `pread(2)`, which leaves the descriptor's offset alone.
struct FileDescriptorBytes: PositionalBytes {
  let descriptor: Int32
  let name: String

  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(ScanInputError)
    -> Int
  {
    while true {
      let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw ScanInputError(file: name, reason: String(cString: strerror(errno)))
    }
  }
}

/// `bytes` read front to back from `offset`, ending at `limit` (or at their end).
struct PositionalSource<Bytes: PositionalBytes>: ByteSource {
  let bytes: Bytes
  var offset: Int
  let limit: Int

  init(_ bytes: Bytes, offset: Int, limit: Int = .max) {
    self.bytes = bytes
    self.offset = offset
    self.limit = limit
  }

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError) -> Int {
    let count = min(buffer.count, limit - offset)
    guard count > 0 else { return 0 }
    let read = try bytes.read(
      into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<count]), at: offset)
    offset += read
    return read
  }
}
