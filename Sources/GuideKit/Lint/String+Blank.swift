import Foundation

extension StringProtocol {
  /// Whether every character is a space or a tab, as Foundation's `CharacterSet.whitespaces`
  /// defines them: what `trimmingCharacters(in: .whitespaces).isEmpty` says, without bridging
  /// the whole text to `NSString`.
  var isBlank: Bool { unicodeScalars.allSatisfy(Whitespace.isSpace) }

  /// Whether every character is white space or a line break, as Foundation's
  /// `CharacterSet.whitespacesAndNewlines` defines them.
  var isBlankOrNewlines: Bool { unicodeScalars.allSatisfy(Whitespace.isSpaceOrNewline) }
}

extension String {
  /// The text without the white space and line breaks at either end: what
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives.
  var trimmingWhitespaceAndNewlines: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !Whitespace.isSpaceOrNewline($0) }),
      let last = scalars.lastIndex(where: { !Whitespace.isSpaceOrNewline($0) })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}

/// Foundation's white space character sets, asked one scalar at a time.
private enum Whitespace {
  static let spaces = CharacterSet.whitespaces
  static let spacesAndNewlines = CharacterSet.whitespacesAndNewlines

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool { spaces.contains(scalar) }

  static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
    spacesAndNewlines.contains(scalar)
  }
}
