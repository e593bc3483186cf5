extension String {
  /// The text with `\r\n` and lone `\r` line endings made `\n`. Works on bytes: in Swift a
  /// `\r\n` pair is one Character, which is why text with Windows line endings does not split
  /// on `"\n"` at all.
  public var withUnixLineEndings: String {
    guard utf8.contains(0x0D) else { return self }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    var previousWasCR = false
    for byte in utf8 {
      if byte == 0x0A && previousWasCR {
        previousWasCR = false
        continue
      }
      previousWasCR = byte == 0x0D
      bytes.append(previousWasCR ? 0x0A : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
