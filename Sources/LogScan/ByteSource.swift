#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a scan's bytes come from: a file, standard input, a gzip stream or memory.
///
/// A source is read once, front to back, in chunks; nothing is kept after a chunk is used.
public protocol ByteSource {
  /// Fills the front of `buffer` and returns how many bytes were written; 0 at the end.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError) -> Int
}

/// Reads a file descriptor with `read(2)`.
public struct FileDescriptorSource: ByteSource {
  let descriptor: Int32
  let name: String

  /// Reads `descriptor`, which the caller opened and will close; `name` appears in errors.
  public init(descriptor: Int32, name: String) {
    self.descriptor = descriptor
    self.name = name
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError)
    -> Int
  {
    while true {
      #if canImport(Glibc)
        let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      #else
        let count = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
      #endif
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw ScanInputError(file: name, reason: String(cString: strerror(errno)))
    }
  }
}

/// Bytes already in memory, for example the output of a diagnostic command.
public struct MemorySource: ByteSource {
  let bytes: [UInt8]
  var offset = 0

  /// Reads `bytes`.
  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError)
    -> Int
  {
    let count = min(buffer.count, bytes.count - offset)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { all in
      buffer.baseAddress!.copyMemory(from: all.baseAddress! + offset, byteCount: count)
    }
    offset += count
    return count
  }
}

/// A file that could not be read, or whose contents could not be decoded.
public struct ScanInputError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The file as named on the command line, or `-` for standard input.
  public let file: String
  /// What went wrong, in a few words.
  public let reason: String

  /// An error reading `file`.
  public init(file: String, reason: String) {
    self.file = file
    self.reason = reason
  }

  public var description: String { "\(file): \(reason)" }
}
