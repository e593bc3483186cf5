/// Which of the characters and short sequences the normaliser's rules need a line contains: a
/// cheap test, made in one pass over the line, that lets a rule skip a line it cannot match. A
/// rule names features every match of it has: having them is necessary, not sufficient.
///
/// Only punctuation, digits and case-sensitive ASCII letters are tested, which no other
/// character matches under case-insensitive matching; where a rule's letters are matched
/// regardless of case, any character outside ASCII counts as a possible match.
struct TextFeatures: OptionSet, Sendable {
  let rawValue: UInt32

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
  /// `=`, then a digit.
  static let equalsDigit = TextFeatures(rawValue: 1 << 24)
  /// `amq.gen-` in any case of its letters, or a character outside ASCII.
  static let amqGen = TextFeatures(rawValue: 1 << 25)
  /// `connection_forced` in any case of its letters, or a character outside ASCII.
  static let connectionForced = TextFeatures(rawValue: 1 << 26)

  init(rawValue: UInt32) { self.rawValue = rawValue }

  /// The features of `text`.
  init(of text: String) {
    var found: UInt32 = 0
    // The previous two scalars' values, and whether they were digits.
    var previous: UInt32 = 0
    var beforePrevious: UInt32 = 0
    var previousIsDigit = false
    var beforePreviousIsDigit = false
    var digitsInARow = 0
    var colons = 0
    var apostrophes = 0
    var quotationMarks = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let isDigit =
        value < 0x80
        ? (value >= 0x30 && value <= 0x39) : scalar.properties.generalCategory == .decimalNumber
      if isDigit {
        found |= Self.digit.rawValue
        digitsInARow += 1
        if digitsInARow >= 4 { found |= Self.fourDigits.rawValue }
        switch previous {
        case 0x3A:  // :
          found |= Self.colonDigit.rawValue
          if beforePreviousIsDigit { found |= Self.digitColonDigit.rawValue }
        case 0x2E:  // .
          if beforePreviousIsDigit { found |= Self.digitPeriodDigit.rawValue }
        case 0x20: found |= Self.spaceDigit.rawValue
        case 0x3D: found |= Self.equalsDigit.rawValue
        default: break
        }
      } else {
        digitsInARow = 0
      }
      // m, s, M, S, or anything outside ASCII, after a digit or a digit and a space.
      let isUnitLetter =
        value >= 0x80 || value == 0x6D || value == 0x73 || value == 0x4D || value == 0x53
      if isUnitLetter && (previousIsDigit || (previous == 0x20 && beforePreviousIsDigit)) {
        found |= Self.digitThenUnit.rawValue
      }
      switch value {
      case 0x5C: found |= Self.backslash.rawValue
      case 0x26: found |= Self.ampersand.rawValue
      case 0x3B: found |= Self.semicolon.rawValue
      case 0x3C: found |= Self.lessThan.rawValue
      case 0x3E:
        found |= Self.greaterThan.rawValue
        if previous == 0x2D { found |= Self.arrow.rawValue }
      case 0x2D: found |= Self.hyphen.rawValue
      case 0x5B: found |= Self.openingBracket.rawValue
      case 0x5D: found |= Self.closingBracket.rawValue
      case 0x3A:
        found |= Self.colon.rawValue
        colons += 1
        if colons >= 2 { found |= Self.twoColons.rawValue }
        if previous == 0x3A { found |= Self.doubleColon.rawValue }
      case 0x27:
        apostrophes += 1
        if apostrophes >= 2 { found |= Self.twoApostrophes.rawValue }
      case 0x22:
        quotationMarks += 1
        if quotationMarks >= 2 { found |= Self.twoQuotationMarks.rawValue }
      case 0x41...0x5A:  // A-Z after a-z or 0-9
        if (previous >= 0x61 && previous <= 0x7A) || (previous >= 0x30 && previous <= 0x39) {
          found |= Self.lowerThenUpper.rawValue
        }
      case 0x61...0x7A:  // a-z after two of A-Z
        if previous >= 0x41 && previous <= 0x5A && beforePrevious >= 0x41 && beforePrevious <= 0x5A
        {
          found |= Self.upperUpperLower.rawValue
        }
      default: break
      }
      // 0, then x, X or anything outside ASCII.
      if previous == 0x30 && (value == 0x78 || value == 0x58 || value >= 0x80) {
        found |= Self.zeroX.rawValue
      }
      beforePrevious = previous
      beforePreviousIsDigit = previousIsDigit
      previous = value
      previousIsDigit = isDigit
    }
    if found & Self.hyphen.rawValue != 0 {
      if Self.contains("amq.gen-", in: text) { found |= Self.amqGen.rawValue }
      if Self.contains("connection_forced", in: text) { found |= Self.connectionForced.rawValue }
    }
    self.init(rawValue: found)
  }

  /// Whether `text` holds `word` (lowercase ASCII) in any case of its letters, or holds any
  /// character outside ASCII (which case-insensitive matching could fold to a letter of it).
  private static func contains(_ word: StaticString, in text: String) -> Bool {
    let word = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard let first = word.first else { return true }
    let bytes = Array(text.utf8)
    if bytes.contains(where: { $0 >= 0x80 }) { return true }
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
