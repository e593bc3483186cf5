/// Which of the characters and short sequences the normaliser's rules need a line contains: a
/// cheap test, made in one pass over the line, that lets a rule skip a line it cannot match. A
/// rule names features every match of it has: having them is necessary, not sufficient.
///
/// Only punctuation, digits and case-sensitive ASCII letters are tested, which no other
/// character matches under case-insensitive matching; where a rule's letters are matched
/// regardless of case, any character outside ASCII counts as a possible match.
struct TextFeatures: OptionSet, Sendable {
  let rawValue: UInt64

  static let backslash = TextFeatures(rawValue: 1 << 0)
  static let ampersand = TextFeatures(rawValue: 1 << 1)
  static let semicolon = TextFeatures(rawValue: 1 << 2)
  /// Any decimal digit (general category Nd), what ICU's `\d` matches.
  static let digit = TextFeatures(rawValue: 1 << 3)
  static let lessThan = TextFeatures(rawValue: 1 << 4)
  static let greaterThan = TextFeatures(rawValue: 1 << 5)
  static let hyphen = TextFeatures(rawValue: 1 << 6)
  static let openingBracket = TextFeatures(rawValue: 1 << 7)
  static let closingBracket = TextFeatures(rawValue: 1 << 8)
  static let colon = TextFeatures(rawValue: 1 << 9)
  /// `[a-z0-9]` then `[A-Z]`, case-sensitive.
  static let lowerThenUpper = TextFeatures(rawValue: 1 << 10)
  /// `[A-Z][A-Z][a-z]`, case-sensitive.
  static let upperUpperLower = TextFeatures(rawValue: 1 << 11)
  /// Four digits in a row.
  static let fourDigits = TextFeatures(rawValue: 1 << 12)
  /// A digit, a colon, a digit.
  static let digitColonDigit = TextFeatures(rawValue: 1 << 13)
  /// Two colons in a row.
  static let doubleColon = TextFeatures(rawValue: 1 << 14)
  /// A colon, then a digit.
  static let colonDigit = TextFeatures(rawValue: 1 << 15)
  /// A digit, a period, a digit.
  static let digitPeriodDigit = TextFeatures(rawValue: 1 << 16)
  /// At least two colons.
  static let twoColons = TextFeatures(rawValue: 1 << 17)
  /// A space, then a digit.
  static let spaceDigit = TextFeatures(rawValue: 1 << 18)
  /// `0`, then `x`, `X` or a character outside ASCII.
  static let zeroX = TextFeatures(rawValue: 1 << 19)
  /// A digit, an optional space, then `m`, `s` (either case) or a character outside ASCII.
  static let digitThenUnit = TextFeatures(rawValue: 1 << 20)
  /// `->`.
  static let arrow = TextFeatures(rawValue: 1 << 21)
  /// At least two apostrophes.
  static let twoApostrophes = TextFeatures(rawValue: 1 << 22)
  /// At least two quotation marks.
  static let twoQuotationMarks = TextFeatures(rawValue: 1 << 23)
  /// `amq.gen-` in any case of its letters, or a character outside ASCII.
  static let amqGen = TextFeatures(rawValue: 1 << 25)
  /// `connection_forced` in any case of its letters, or a character outside ASCII.
  static let connectionForced = TextFeatures(rawValue: 1 << 26)
  /// A hex digit (or a character outside ASCII), a colon, then a hex digit, a colon (or a
  /// character outside ASCII): how every IPv6-like run of hex groups starts.
  static let hexColonHex = TextFeatures(rawValue: 1 << 27)
  /// `[`, then a hex digit, `:`, `.` or a character outside ASCII.
  static let bracketHex = TextFeatures(rawValue: 1 << 28)
  /// At least three of "a digit, a period, a digit" (as in every IPv4 address).
  static let threeDigitPeriodDigits = TextFeatures(rawValue: 1 << 29)
  /// Four digits in a row, then `/` or `-`.
  static let fourDigitsThenSeparator = TextFeatures(rawValue: 1 << 30)
  /// `fd=` (either case of `d`, or a character outside ASCII before `=`), then a digit.
  static let fdEqualsDigit = TextFeatures(rawValue: 1 << 31)
  /// The three letters of a month's short name in any case, then spaces and a digit; or a
  /// character outside ASCII with a space and a digit.
  static let monthThenDigit = TextFeatures(rawValue: 1 << 32)
  /// `user` in any case of its letters, or a character outside ASCII.
  static let userWord = TextFeatures(rawValue: 1 << 33)
  /// `user` or `vhost` in any case of their letters, or a character outside ASCII.
  static let userOrVhostWord = TextFeatures(rawValue: 1 << 34)
  /// A character outside ASCII.
  static let nonASCII = TextFeatures(rawValue: 1 << 35)
  /// The features that depend on the case of ASCII letters; every other feature of an ASCII
  /// text is the same for the text in lowercase.
  static let caseSensitive: TextFeatures = [.lowerThenUpper, .upperUpperLower]

  init(rawValue: UInt64) { self.rawValue = rawValue }

  /// The features of `text`.
  init(of text: String) {
    var text = text
    self = text.withUTF8(Self.features)
  }

  /// The features of a text's UTF-8 bytes.
  private static func features(_ bytes: UnsafeBufferPointer<UInt8>) -> TextFeatures {
    var scanner = Scanner()
    // Bytes below 0x80 are whole characters: an ASCII text needs no decoding.
    let nonASCII = bytes.contains { $0 >= 0x80 }
    if nonASCII {
      for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
        let value = scalar.value
        let isDigit =
          value < 0x80
          ? (value >= 0x30 && value <= 0x39) : scalar.properties.generalCategory == .decimalNumber
        scanner.step(value, isDigit: isDigit)
      }
    } else {
      for byte in bytes {
        let value = UInt32(byte)
        scanner.step(value, isDigit: value >= 0x30 && value <= 0x39)
      }
    }
    var found = scanner.found
    if nonASCII { found |= Self.nonASCII.rawValue }
    // The words below: any character outside ASCII might fold to one of their letters.
    func has(_ word: StaticString) -> Bool { nonASCII || contains(word, in: bytes) }
    if found & hyphen.rawValue != 0 && has("amq.gen-") { found |= amqGen.rawValue }
    // `_` matches only itself, in any case.
    if scanner.underscore && has("connection_forced") { found |= connectionForced.rawValue }
    if found & twoApostrophes.rawValue != 0 {
      if has("user") {
        found |= userWord.rawValue | userOrVhostWord.rawValue
      } else if has("vhost") {
        found |= userOrVhostWord.rawValue
      }
    }
    if found & spaceDigit.rawValue != 0 && (nonASCII || hasMonthThenDigit(bytes)) {
      found |= monthThenDigit.rawValue
    }
    return TextFeatures(rawValue: found)
  }

  /// The one pass over a text's characters (scalar values), in order.
  private struct Scanner {
    var found: UInt64 = 0
    // The previous two scalars' values, and whether they were digits.
    var previous: UInt32 = 0
    var beforePrevious: UInt32 = 0
    var previousIsDigit = false
    var beforePreviousIsDigit = false
    var digitsInARow = 0
    var colons = 0
    var apostrophes = 0
    var quotationMarks = 0
    var digitPeriodDigits = 0
    var underscore = false

    /// Takes the next character: its scalar value, and whether it is a decimal digit (`\d`).
    @inline(__always)
    mutating func step(_ value: UInt32, isDigit: Bool) {
      if isDigit {
        found |= TextFeatures.digit.rawValue
        digitsInARow += 1
        if digitsInARow >= 4 { found |= TextFeatures.fourDigits.rawValue }
        switch previous {
        case 0x3A:  // :
          found |= TextFeatures.colonDigit.rawValue
          if beforePreviousIsDigit { found |= TextFeatures.digitColonDigit.rawValue }
        case 0x2E:  // .
          if beforePreviousIsDigit {
            found |= TextFeatures.digitPeriodDigit.rawValue
            digitPeriodDigits += 1
            if digitPeriodDigits >= 3 { found |= TextFeatures.threeDigitPeriodDigits.rawValue }
          }
        case 0x20: found |= TextFeatures.spaceDigit.rawValue
        case 0x3D:
          if beforePrevious == 0x64 || beforePrevious == 0x44 || beforePrevious >= 0x80 {
            found |= TextFeatures.fdEqualsDigit.rawValue
          }
        default: break
        }
      } else {
        if (value == 0x2F || value == 0x2D) && digitsInARow >= 4 {
          found |= TextFeatures.fourDigitsThenSeparator.rawValue
        }
        digitsInARow = 0
      }
      // A colon between a hex digit and a hex digit or another colon; `[` before a hex digit,
      // a colon or a period.
      if previous == 0x3A && TextFeatures.isHexOrNonASCII(beforePrevious)
        && (TextFeatures.isHexOrNonASCII(value) || value == 0x3A)
      {
        found |= TextFeatures.hexColonHex.rawValue
      }
      if previous == 0x5B && (TextFeatures.isHexOrNonASCII(value) || value == 0x3A || value == 0x2E)
      {
        found |= TextFeatures.bracketHex.rawValue
      }
      if value == 0x5F { underscore = true }
      // m, s, M, S, or anything outside ASCII, after a digit or a digit and a space.
      let isUnitLetter =
        value >= 0x80 || value == 0x6D || value == 0x73 || value == 0x4D || value == 0x53
      if isUnitLetter && (previousIsDigit || (previous == 0x20 && beforePreviousIsDigit)) {
        found |= TextFeatures.digitThenUnit.rawValue
      }
      switch value {
      case 0x5C: found |= TextFeatures.backslash.rawValue
      case 0x26: found |= TextFeatures.ampersand.rawValue
      case 0x3B: found |= TextFeatures.semicolon.rawValue
      case 0x3C: found |= TextFeatures.lessThan.rawValue
      case 0x3E:
        found |= TextFeatures.greaterThan.rawValue
        if previous == 0x2D { found |= TextFeatures.arrow.rawValue }
      case 0x2D: found |= TextFeatures.hyphen.rawValue
      case 0x5B: found |= TextFeatures.openingBracket.rawValue
      case 0x5D: found |= TextFeatures.closingBracket.rawValue
      case 0x3A:
        found |= TextFeatures.colon.rawValue
        colons += 1
        if colons >= 2 { found |= TextFeatures.twoColons.rawValue }
        if previous == 0x3A { found |= TextFeatures.doubleColon.rawValue }
      case 0x27:
        apostrophes += 1
        if apostrophes >= 2 { found |= TextFeatures.twoApostrophes.rawValue }
      case 0x22:
        quotationMarks += 1
        if quotationMarks >= 2 { found |= TextFeatures.twoQuotationMarks.rawValue }
      case 0x41...0x5A:  // A-Z after a-z or 0-9
        if (previous >= 0x61 && previous <= 0x7A) || (previous >= 0x30 && previous <= 0x39) {
          found |= TextFeatures.lowerThenUpper.rawValue
        }
      case 0x61...0x7A:  // a-z after two of A-Z
        if previous >= 0x41 && previous <= 0x5A && beforePrevious >= 0x41 && beforePrevious <= 0x5A
        {
          found |= TextFeatures.upperUpperLower.rawValue
        }
      default: break
      }
      // 0, then x, X or anything outside ASCII.
      if previous == 0x30 && (value == 0x78 || value == 0x58 || value >= 0x80) {
        found |= TextFeatures.zeroX.rawValue
      }
      beforePrevious = previous
      beforePreviousIsDigit = previousIsDigit
      previous = value
      previousIsDigit = isDigit
    }
  }

  /// A hex digit in either case, or any character outside ASCII.
  private static func isHexOrNonASCII(_ value: UInt32) -> Bool {
    (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x66)
      || value >= 0x80
  }

  /// The months' short names, as a month rule matches them.
  private static let months: Set<[UInt8]> = Set(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map {
      Array($0.utf8)
    })

  /// Whether ASCII `bytes` hold a month's short name in any case, then one or more spaces,
  /// then a digit.
  private static func hasMonthThenDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 3
    while index < bytes.count {
      guard bytes[index] == 0x20 else {
        index += 1
        continue
      }
      var after = index
      while after < bytes.count && bytes[after] == 0x20 { after += 1 }
      if after < bytes.count && bytes[after] >= 0x30 && bytes[after] <= 0x39
        && months.contains(bytes[(index - 3)..<index].map(lowercased))
      {
        return true
      }
      index = after
    }
    return false
  }

  /// Whether ASCII `bytes` hold `word` (lowercase ASCII) in any case of its letters.
  private static func contains(_ word: StaticString, in bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let word = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard let first = word.first else { return true }
    guard bytes.count >= word.count else { return false }
    for start in 0...(bytes.count - word.count) where lowercased(bytes[start]) == first {
      if (1..<word.count).allSatisfy({ lowercased(bytes[start + $0]) == word[$0] }) {
        return true
      }
    }
    return false
  }

  /// An ASCII capital letter as its small letter; any other byte as it is.
  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }
}
