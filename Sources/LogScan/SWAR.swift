/// Byte tests on eight bytes at once ("SIMD within a register"): each byte of a `UInt64` is a
/// lane, the first byte of the text in the lowest lane (a little-endian load).
enum SWAR {
  /// `0x80` in each lane that holds an ASCII digit, `0` in every other lane.
  ///
  /// After `^ 0x30` a digit's lane holds 0 to 9. Adding `0x76` to a lane's low seven bits sets
  /// its top bit exactly when they are 10 or more, and cannot carry into the next lane (at most
  /// `0x7F + 0x76 = 0xF5`); a lane whose own top bit was set is no digit either.
  @inline(__always)
  static func digits(_ word: UInt64) -> UInt64 {
    let value = word ^ 0x3030_3030_3030_3030
    let tenOrMore = (value & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676
    return ~(tenOrMore | value) & 0x8080_8080_8080_8080
  }

  /// How many lanes, from the lowest, hold ASCII digits before the first that does not (0 to 8).
  @inline(__always)
  static func leadingDigits(_ word: UInt64) -> Int {
    let others = ~digits(word) & 0x8080_8080_8080_8080
    return others == 0 ? 8 : others.trailingZeroBitCount / 8
  }
}
