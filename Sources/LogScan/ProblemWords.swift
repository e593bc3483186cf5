#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The words that make a line without a level an error line: client output and plain text
/// say "error" or "refused" where a broker log would say `[error]`.
enum ProblemWords {
  static let words: [[UInt8]] = [
    "error", "exception", "traceback", "refused", "reset by peer", "econnreset", "timed out",
    "timeout", "etimedout", "unreachable", "broken pipe", "epipe", "failed", "failure", "abort",
    "denied", "fatal", "missed heartbeat", "connection_forced", "access_refused", "lost",
    "closed unexpectedly", "unexpectedly closed",
  ].map { Array($0.utf8) }

  /// Whether `message` contains one of the words, in any case.
  static func appear(in message: UnsafeRawBufferPointer) -> Bool {
    let length = min(message.count, 4096)
    guard length > 0 else { return false }
    var lowered = [UInt8](repeating: 0, count: length)
    for index in 0..<length {
      let byte = message[index]
      lowered[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
    return lowered.withUnsafeBytes { haystack in
      words.contains { word in
        word.withUnsafeBytes { needle in
          firstOffset(
            of: needle.baseAddress!, length: needle.count, in: haystack.baseAddress!, count: length)
            != nil
        }
      }
    }
  }
}
