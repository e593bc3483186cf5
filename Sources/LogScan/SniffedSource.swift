/// A source whose first bytes were read ahead, to tell what it holds (gzip starts with the bytes
/// 1f 8b whatever the file is called), and are then read again as if nothing had happened.
public struct SniffedSource<Base: ByteSource>: ByteSource {
  var base: Base
  /// The bytes read ahead and not yet handed out.
  var ahead: [UInt8]
  /// The error met while reading ahead, thrown once the bytes before it are read.
  var aheadError: ScanInputError?

  /// Reads up to `count` bytes of `base` ahead (fewer only at its end).
  public init(_ base: Base, count: Int = 2) {
    self.base = base
    ahead = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
    defer { buffer.deallocate() }
    var filled = 0
    do throws(ScanInputError) {
      while filled < count {
        let read = try self.base.read(
          into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
        if read == 0 { break }
        filled += read
      }
    } catch {
      aheadError = error
    }
    ahead = Array(buffer[..<filled])
  }

  /// Whether the source starts with gzip's magic bytes.
  public var isGzip: Bool { ahead.count >= 2 && ahead[0] == 0x1f && ahead[1] == 0x8b }

  /// Whether the bytes read ahead end their lines with a lone `\r` only (old Mac line endings).
  public var endsLinesWithCarriageReturns: Bool { ahead.contains(0x0D) && !ahead.contains(0x0A) }

  /// Whether the source holds no byte at all.
  public var isEmpty: Bool { ahead.isEmpty && aheadError == nil }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError)
    -> Int
  {
    if !ahead.isEmpty {
      let count = min(buffer.count, ahead.count)
      ahead.withUnsafeBytes {
        buffer.baseAddress?.copyMemory(from: $0.baseAddress!, byteCount: count)
      }
      ahead.removeFirst(count)
      return count
    }
    if let error = aheadError {
      aheadError = nil
      throw error
    }
    return try base.read(into: buffer)
  }
}

/// A source whose lines end with a lone `\r`, read as if they ended with `\n`.
public struct CarriageReturnLines<Base: ByteSource>: ByteSource {
  var base: Base

  public init(_ base: Base) { self.base = base }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError)
    -> Int
  {
    let count = try base.read(into: buffer)
    for index in 0..<count where buffer[index] == 0x0D { buffer[index] = 0x0A }
    return count
  }
}
