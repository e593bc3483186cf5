/// Which of the characters the normaliser's rules need a text contains: a cheap test, made
/// once per text, that lets a rule skip a text it cannot match. A rule names characters every
/// match of it contains: having them is necessary, not sufficient.
struct TextFeatures: OptionSet, Sendable {
  let rawValue: UInt16

  static let backslash = TextFeatures(rawValue: 1 << 0)
  static let ampersand = TextFeatures(rawValue: 1 << 1)
  /// `A` to `Z`, what a case-sensitive `[A-Z]` matches.
  static let asciiUppercase = TextFeatures(rawValue: 1 << 2)
  /// Any decimal digit (general category Nd), what ICU's and JavaScript's `\d` can match.
  static let digit = TextFeatures(rawValue: 1 << 3)
  static let lessThan = TextFeatures(rawValue: 1 << 4)
  static let greaterThan = TextFeatures(rawValue: 1 << 5)
  static let openingBracket = TextFeatures(rawValue: 1 << 6)
  static let colon = TextFeatures(rawValue: 1 << 7)
  static let apostrophe = TextFeatures(rawValue: 1 << 8)
  static let quotationMark = TextFeatures(rawValue: 1 << 9)
  static let equalsSign = TextFeatures(rawValue: 1 << 10)
  static let semicolon = TextFeatures(rawValue: 1 << 11)
  static let hyphen = TextFeatures(rawValue: 1 << 12)
  static let period = TextFeatures(rawValue: 1 << 13)
  static let closingBracket = TextFeatures(rawValue: 1 << 14)

  init(rawValue: UInt16) { self.rawValue = rawValue }

  /// The features of `text`.
  init(of text: String) {
    var found: UInt16 = 0
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": found |= Self.backslash.rawValue
      case "&": found |= Self.ampersand.rawValue
      case "A"..."Z": found |= Self.asciiUppercase.rawValue
      case "0"..."9": found |= Self.digit.rawValue
      case "<": found |= Self.lessThan.rawValue
      case ">": found |= Self.greaterThan.rawValue
      case "[": found |= Self.openingBracket.rawValue
      case ":": found |= Self.colon.rawValue
      case "'": found |= Self.apostrophe.rawValue
      case "\"": found |= Self.quotationMark.rawValue
      case "=": found |= Self.equalsSign.rawValue
      case ";": found |= Self.semicolon.rawValue
      case "-": found |= Self.hyphen.rawValue
      case ".": found |= Self.period.rawValue
      case "]": found |= Self.closingBracket.rawValue
      default:
        if scalar.value >= 0x80, scalar.properties.generalCategory == .decimalNumber {
          found |= Self.digit.rawValue
        }
      }
    }
    rawValue = found
  }
}
