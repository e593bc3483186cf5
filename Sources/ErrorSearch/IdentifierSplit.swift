/// The two identifier-splitting rules written over bytes: each pattern's classes are ASCII
/// letters and digits only, which no byte of a character outside ASCII can be, and the space
/// goes between two ASCII bytes, so working on UTF-8 bytes finds what the expression finds in
/// the characters. A global replacement takes the leftmost match and goes on after it; so do
/// these loops.
enum IdentifierSplit {
  /// `([a-z0-9])([A-Z])` → `$1 $2`: `NoRouteToHost` → `No Route To Host`.
  @Sendable static func lowerThenUpper(_ text: String) -> String {
    split(text, matchLength: 2) { bytes, index in
      isLowerOrDigit(bytes[index]) && isUpper(bytes[index + 1])
    }
  }

  /// `([A-Z])([A-Z][a-z])` → `$1 $2`: `AMQPError` → `AMQP Error`.
  @Sendable static func acronymThenWord(_ text: String) -> String {
    split(text, matchLength: 3) { bytes, index in
      isUpper(bytes[index]) && isUpper(bytes[index + 1]) && isLower(bytes[index + 2])
    }
  }

  /// `text` with a space after the first byte of every match of `matches` (a match is
  /// `matchLength` bytes long and starts where `matches` holds), leftmost first, matches not
  /// overlapping.
  private static func split(
    _ text: String, matchLength: Int,
    matches: (UnsafeBufferPointer<UInt8>, Int) -> Bool
  ) -> String {
    var text = text
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 8)
      var index = 0
      while index < bytes.count {
        if index + matchLength <= bytes.count && matches(bytes, index) {
          out.append(bytes[index])
          out.append(0x20)
          out.append(contentsOf: bytes[(index + 1)..<(index + matchLength)])
          index += matchLength
        } else {
          out.append(bytes[index])
          index += 1
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
  private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
  private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
    isLower(byte) || (byte >= 0x30 && byte <= 0x39)
  }
}
