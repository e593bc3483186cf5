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

  init(rawValue: UInt32) { self.rawValue = rawValue }

  /// The features of `text`.
  init(of text: String) {
    var found = TextFeatures()
    var previous: Unicode.Scalar = "\0"
    var beforePrevious: Unicode.Scalar = "\0"
    var digitsInARow = 0
    var colons = 0
    var apostrophes = 0
    var quotationMarks = 0
    for scalar in text.unicodeScalars {
      let isDigit =
        scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.generalCategory == .decimalNumber
      let previousIsDigit =
        previous.isASCII ? ("0"..."9").contains(previous) : previous.properties.generalCategory == .decimalNumber
      if isDigit {
        found.insert(.digit)
        digitsInARow += 1
        if digitsInARow >= 4 { found.insert(.fourDigits) }
        switch previous {
        case ":":
          found.insert(.colonDigit)
          if Self.isDigit(beforePrevious) { found.insert(.digitColonDigit) }
        case ".": if Self.isDigit(beforePrevious) { found.insert(.digitPeriodDigit) }
        case " ": found.insert(.spaceDigit)
        case "=": found.insert(.equalsDigit)
        default: break
        }
      } else {
        digitsInARow = 0
      }
      let isUnitLetter = !scalar.isASCII || "msMS".unicodeScalars.contains(scalar)
      if isUnitLetter && (previousIsDigit || (previous == " " && Self.isDigit(beforePrevious))) {
        found.insert(.digitThenUnit)
      }
      switch scalar {
      case "\\": found.insert(.backslash)
      case "&": found.insert(.ampersand)
      case ";": found.insert(.semicolon)
      case "<": found.insert(.lessThan)
      case ">":
        found.insert(.greaterThan)
        if previous == "-" { found.insert(.arrow) }
      case "-": found.insert(.hyphen)
      case "[": found.insert(.openingBracket)
      case "]": found.insert(.closingBracket)
      case ":":
        found.insert(.colon)
        colons += 1
        if colons >= 2 { found.insert(.twoColons) }
        if previous == ":" { found.insert(.doubleColon) }
      case "'":
        apostrophes += 1
        if apostrophes >= 2 { found.insert(.twoApostrophes) }
      case "\"":
        quotationMarks += 1
        if quotationMarks >= 2 { found.insert(.twoQuotationMarks) }
      case "A"..."Z":
        if ("a"..."z").contains(previous) || ("0"..."9").contains(previous) { found.insert(.lowerThenUpper) }
      case "a"..."z":
        if ("A"..."Z").contains(previous) && ("A"..."Z").contains(beforePrevious) {
          found.insert(.upperUpperLower)
        }
      default: break
      }
      if previous == "0" && (scalar == "x" || scalar == "X" || !scalar.isASCII) { found.insert(.zeroX) }
      beforePrevious = previous
      previous = scalar
    }
    self = found
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.generalCategory == .decimalNumber
  }
}
