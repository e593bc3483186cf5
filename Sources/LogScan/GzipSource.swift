import CZlib

/// Decompresses a gzip stream (also several concatenated members, as `cat a.gz b.gz` makes)
/// from another source, chunk by chunk.
public struct GzipSource<Compressed: ByteSource>: ByteSource {
  var compressed: Compressed
  let name: String
  let state: InflateState
  var finished = false
  /// An error met after some bytes of the same call were already produced; thrown next time,
  /// so that those bytes are read first.
  var deferredError: ScanInputError?

  /// Decompresses `compressed`; `name` appears in errors.
  public init(_ compressed: Compressed, name: String) throws(ScanInputError) {
    self.compressed = compressed
    self.name = name
    guard let state = InflateState() else {
      throw ScanInputError(file: name, reason: "cannot start gzip decompression")
    }
    self.state = state
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError)
    -> Int
  {
    if let error = deferredError {
      deferredError = nil
      finished = true
      throw error
    }
    guard !finished, buffer.count > 0 else { return 0 }
    do {
      return try inflate(into: buffer)
    } catch {
      let produced = buffer.count - Int(state.stream.pointee.avail_out)
      guard produced > 0 else {
        finished = true
        throw error
      }
      deferredError = error
      return produced
    }
  }

  private mutating func inflate(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError)
    -> Int
  {
    let stream = state.stream
    stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
    stream.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
    while stream.pointee.avail_out > 0 {
      if stream.pointee.avail_in == 0 {
        let count = try compressed.read(into: state.input)
        if count == 0 {
          guard state.inMember else {
            finished = true
            break
          }
          // zlib may still hold output the last call had no room for (the rest of a match, the
          // last block of the member): it gives it without more input. Only when it gives
          // nothing does the data end early, so the bytes before that error never depend on
          // how large the reads are.
          let room = stream.pointee.avail_out
          let status = try step()
          if status == Z_STREAM_END || stream.pointee.avail_out < room { continue }
          throw ScanInputError(
            file: name, reason: "gzip data ends early, after \(state.consumed) compressed bytes")
        }
        stream.pointee.next_in = state.input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(count)
      }
      _ = try step()
    }
    return buffer.count - Int(stream.pointee.avail_out)
  }

  /// One call of zlib's `inflate` on what input and room the stream has; returns its status
  /// after resetting the stream at a member's end (another member may follow).
  private func step() throws(ScanInputError) -> Int32 {
    let stream = state.stream
    let before = stream.pointee.avail_in
    let status = CZlib.inflate(stream, Z_NO_FLUSH)
    state.consumed += Int(before - stream.pointee.avail_in)
    switch status {
    case Z_OK, Z_BUF_ERROR:
      state.inMember = true
    case Z_STREAM_END:
      state.inMember = false
      inflateReset(stream)
    default:
      let detail = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
      throw ScanInputError(
        file: name,
        reason: "not valid gzip data after \(state.consumed) compressed bytes (\(detail))")
    }
    return status
  }
}

/// zlib's stream state and its input buffer, freed with the source.
final class InflateState {
  let stream: UnsafeMutablePointer<z_stream>
  let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
  var inMember = false
  var consumed = 0

  init?() {
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // 15 window bits + 32: read a gzip or zlib header, whichever is there.
    guard inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else {
      stream.deallocate()
      input.deallocate()
      return nil
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
    input.deallocate()
  }
}
