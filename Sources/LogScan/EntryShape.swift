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
    // Where the next `)` and the next ` -> ` start at or after each position: one pass from
    // the end, so that a line of many `(` costs linear time, not a search per `(`.
    let (nextClose, nextArrow) = bytes.contains(0x28) ? Self.lookahead(bytes) : ([], [])
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
        let close = nextClose[index + 1]
        if close < bytes.count, nextArrow[index + 1] + 4 <= close {
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

  /// For each position `i` (and `bytes.count`), the index of the first `)` at or after `i`, and
  /// the start of the first ` -> ` at or after `i`; `bytes.count` (or more) when there is none.
  private static func lookahead(_ bytes: [UInt8]) -> (close: [Int], arrow: [Int]) {
    let count = bytes.count
    var close = [Int](repeating: count, count: count + 1)
    var arrow = [Int](repeating: count, count: count + 1)
    var position = count - 1
    while position >= 0 {
      close[position] = bytes[position] == 0x29 ? position : close[position + 1]
      let startsArrow =
        position + 4 <= count && bytes[position] == 0x20 && bytes[position + 1] == 0x2D
        && bytes[position + 2] == 0x3E && bytes[position + 3] == 0x20
      arrow[position] = startsArrow ? position : arrow[position + 1]
      position -= 1
    }
    return (close, arrow)
  }
}
