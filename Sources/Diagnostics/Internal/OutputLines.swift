import Foundation

/// A command's output as lines: line endings (LF or CRLF) split off, terminal escape sequences
/// and other control characters removed (tabs are kept, they separate columns).
struct OutputLines: Sendable {
  /// The lines, in order, without their line endings.
  let all: [String]
  /// The lines that hold more than white space.
  let nonBlank: [String]

  init(_ output: String) {
    // Split on bytes: splitting on Characters is several times slower on large logs. A lone
    // `\r` ends a line too (old Mac line endings), and `\r\n` is one line end.
    let text =
      output.utf8.contains(0x0D) && !output.utf8.contains(0x0A)
      ? output.withUnixLineEndings : output
    var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
      slice in
      let end = slice.last == 0x0D ? slice.index(before: slice.endIndex) : slice.endIndex
      return Self.clean(slice[slice.startIndex..<end])
    }
    if lines.last == "" { lines.removeLast() }
    self.init(lines: lines)
  }

  private init(lines: [String]) {
    all = lines
    nonBlank = lines.filter { !$0.allSatisfy(\.isWhitespace) }
  }

  /// Whether the output holds nothing but white space.
  var isBlank: Bool { nonBlank.isEmpty }

  /// The lines that match `pattern` (all of them when it is `nil`).
  func keeping(matching pattern: String?) throws -> OutputLines {
    guard let pattern else { return self }
    let regex = try NSRegularExpression(pattern: pattern)
    return OutputLines(lines: all.filter { regex.matches($0) })
  }

  /// `bytes` as text without ANSI escape sequences and control characters other than tab.
  static func clean(_ bytes: Substring.UTF8View) -> String {
    let line = String(decoding: bytes, as: UTF8.self)
    guard bytes.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return line }
    let withoutEscapes = ansiEscape.stringByReplacingMatches(
      in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "")
    return String(
      withoutEscapes.unicodeScalars.filter { $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F) }
        .map(Character.init))
  }

  /// CSI sequences such as `ESC[1m`, and two-character escapes.
  private static let ansiEscape = NSRegularExpression.literal(
    "\u{1B}(\\[[0-9;?]*[ -/]*[@-~]|[@-Z\\\\-_])")
}

extension NSRegularExpression {
  /// A pattern written in this module's source; one that does not compile is a programming error.
  static func literal(_ pattern: String) -> NSRegularExpression {
    do {
      return try NSRegularExpression(pattern: pattern)
    } catch {
      preconditionFailure("invalid pattern \(pattern): \(error)")
    }
  }

  /// Whether the expression matches somewhere in `text`.
  func matches(_ text: String) -> Bool {
    firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  /// The capture groups of the first match in `text`; an unmatched group is `nil`.
  func captures(in text: String) -> [String?]? {
    guard let match = firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else {
      return nil
    }
    return (1..<match.numberOfRanges).map { index in
      Range(match.range(at: index), in: text).map { String(text[$0]) }
    }
  }
}
