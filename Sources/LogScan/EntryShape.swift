/// What stays the same from one occurrence of an error to the next: the entry's text with
/// numbers, quoted values and connection descriptions masked.
///
/// Two entries with the same shape are classified once, and unclassified entries are grouped
/// by shape, so that a new kind of error shows up as one line however often it was logged.
enum EntryShape {
  static let maximumLength = 2_000

  /// The masked text: digit runs become `#`, `'…'` and `"…"` values become `'…'` and `"…"`,
  /// and a connection description `(127.0.0.1:41836 -> 127.0.0.1:5672 - app, vhost: …)`
  /// becomes `(…)`.
  static func of(_ messages: [String]) -> String {
    var shape: [UInt8] = []
    shape.reserveCapacity(256)
    for (number, message) in messages.enumerated() {
      if number > 0 { shape.append(0x0A) }
      mask(Array(message.utf8), into: &shape)
      if shape.count >= maximumLength { break }
    }
    return String(decoding: shape.prefix(maximumLength), as: UTF8.self)
  }

  private static func mask(_ bytes: [UInt8], into shape: inout [UInt8]) {
    var index = 0
    let arrow = Array(" -> ".utf8)
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case 0x30...0x39:
        shape.append(UInt8(ascii: "#"))
        while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
        continue
      case 0x27, 0x22:
        // A quoted value, when it closes on the same line.
        if let close = bytes[(index + 1)...].firstIndex(of: byte) {
          shape += [byte, 0xE2, 0x80, 0xA6, byte]
          index = close + 1
          continue
        }
      case 0x28:
        // A connection description: `(` … ` -> ` … `)`.
        if let close = bytes[(index + 1)...].firstIndex(of: 0x29),
          contains(bytes, arrow, in: (index + 1)..<close)
        {
          shape += [0x28, 0xE2, 0x80, 0xA6, 0x29]
          index = close + 1
          continue
        }
      default:
        break
      }
      shape.append(byte)
      index += 1
    }
  }

  private static func contains(_ bytes: [UInt8], _ needle: [UInt8], in range: Range<Int>) -> Bool {
    guard range.count >= needle.count else { return false }
    for start in range.lowerBound...(range.upperBound - needle.count)
    where bytes[start] == needle[0] && Array(bytes[start..<(start + needle.count)]) == needle {
      return true
    }
    return false
  }
}
