#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits a source into lines without holding more than one buffer of it.
///
/// A line is handed over without its `\n` (and without a `\r` before it). A line of
/// `maximumLineLength` bytes or more is handed over cut to that length, once, and the rest of it
/// is skipped, so a file with no newline at all costs no more memory than any other. The cut
/// depends on the line only, never on where the reads of the source happened to end, so that a
/// file read in pieces from several places (`ParallelScan`) gives the same lines.
struct LineSplitter: ~Copyable {
  static let bufferSize = 1 << 22
  static let maximumLineLength = 1 << 16

  let buffer: UnsafeMutableRawBufferPointer

  init(bufferSize: Int = Self.bufferSize) {
    precondition(bufferSize > Self.maximumLineLength)
    buffer = .allocate(byteCount: bufferSize, alignment: 64)
  }

  deinit { buffer.deallocate() }

  /// Calls `body` with each line of `source` in order, and whether the line was cut.
  /// Returns the number of bytes read.
  func forEachLine<Source: ByteSource>(
    in source: inout Source, _ body: (UnsafeRawBufferPointer, Bool) -> Void
  ) throws(ScanInputError) -> Int {
    try forEachLine(in: &source) { line, cut, _ in
      body(line, cut)
      return true
    }
  }

  /// Calls `body` with each line of `source` in order, whether it was cut, and the offset of
  /// its first byte from the start of `source`, until `body` returns false. Returns the number
  /// of bytes read (which, when `body` stopped the reading, can be more than were handed over).
  @inline(__always)
  func forEachLine<Source: ByteSource>(
    in source: inout Source, _ body: (UnsafeRawBufferPointer, Bool, Int) -> Bool
  ) throws(ScanInputError) -> Int {
    let base = buffer.baseAddress!
    var start = 0
    var end = 0
    var skippingRest = false
    var total = 0
    while true {
      let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
      if count == 0 {
        if end > start, !skippingRest {
          _ = body(Self.line(base, start, end), false, total - end + start)
        }
        return total
      }
      total += count
      end += count
      while start < end {
        guard let found = memchr(base + start, 0x0A, end - start) else { break }
        let newline = base.distance(to: found)
        if skippingRest {
          skippingRest = false
        } else if newline - start >= Self.maximumLineLength {
          let cut = UnsafeRawBufferPointer(start: base + start, count: Self.maximumLineLength)
          if !body(cut, true, total - end + start) { return total }
        } else {
          if !body(Self.line(base, start, newline), false, total - end + start) { return total }
        }
        start = newline + 1
      }
      if skippingRest {
        start = end
      } else if end - start >= Self.maximumLineLength {
        let cut = UnsafeRawBufferPointer(start: base + start, count: Self.maximumLineLength)
        if !body(cut, true, total - end + start) { return total }
        skippingRest = true
        start = end
      }
      if start > 0 {
        if end > start { memmove(base, base + start, end - start) }
        end -= start
        start = 0
      }
    }
  }

  @inline(__always)
  static func line(_ base: UnsafeMutableRawPointer, _ start: Int, _ end: Int)
    -> UnsafeRawBufferPointer
  {
    var end = end
    if end > start, base.load(fromByteOffset: end - 1, as: UInt8.self) == 0x0D { end -= 1 }
    return UnsafeRawBufferPointer(start: base + start, count: end - start)
  }
}
