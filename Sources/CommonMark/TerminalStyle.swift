/// How the terminal renderer marks up text: with ANSI escape codes, or plain.
public enum TerminalStyle: Sendable {
  /// Plain text only, for pipes, files, `NO_COLOR` and dumb terminals.
  case plain
  /// ANSI SGR escape codes for bold, italic, underline and colour.
  case ansi

  /// An SGR code sequence, or nothing in plain mode.
  func sgr(_ codes: [Int]) -> String {
    guard self == .ansi, !codes.isEmpty else { return "" }
    return "\u{1B}[" + codes.map(String.init).joined(separator: ";") + "m"
  }

  /// The code that resets all attributes, or nothing in plain mode.
  var reset: String { self == .ansi ? "\u{1B}[0m" : "" }
}

/// SGR attribute numbers used by the renderer.
enum SGR {
  static let bold = 1
  static let dim = 2
  static let italic = 3
  static let underline = 4
  static let cyan = 36
  static let yellow = 33
}
