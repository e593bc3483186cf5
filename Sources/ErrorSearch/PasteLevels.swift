import Foundation

/// Sorts the lines of a pasted text by their log level, so that the search can weigh the lines
/// that report a problem above the routine ones around them.
///
/// A paste often carries a few `[info]` lines (a connection accepted, a user authenticated)
/// before the `[error]` line that matters; their words (`accepting`, `connection`, `vhost`,
/// `granted`) would otherwise count as much as the error's own. A line is *quiet* when its first
/// level marker is debug, info or notice: the structured broker format (`[info]`), JSON and
/// logfmt fields (`"level":"info"`, `level=info`) and the upper-case level of client logs
/// (`INFO:pika...`, `... INFO 1234 ---`). The other lines are *loud*: a warning, error or
/// critical marker, or none at all (a traceback, a client's exception).
///
/// The legacy report headers (`=INFO REPORT====`) are no markers: Erlang/OTP and the CLI tools
/// report failures as info reports (`Protocol 'inet_tcp': register/listen error: etimedout`).
///
/// Lines are cut at line feeds, carriage returns and escaped line feeds (`\n`, `\\n`), so a
/// JSON- or shell-escaped paste is read line by line too. Every pattern is in the common subset
/// of ICU and JavaScript syntax: the browser's copy sorts lines the same way.
public enum PasteLevels {
  /// A pattern that finds a level marker; its first group is the level's name.
  public struct Marker: Sendable {
    /// The pattern.
    public let pattern: String
    /// Whether letters match regardless of case.
    public let caseInsensitive: Bool
    let expression: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool) {
      self.pattern = pattern
      self.caseInsensitive = caseInsensitive
      // The patterns are constants of this file; a bad one is a programming error.
      guard
        let expression = try? NSRegularExpression(
          pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
      else { preconditionFailure("invalid level pattern: \(pattern)") }
      self.expression = expression
    }
  }

  /// Where one line ends and the next begins. A run of backslashes is matched from its first
  /// one only, so that a long run is scanned once.
  public static let lineBreak = #"\r\n|\r|\n|(?<!\\)\\+n"#

  /// The level markers; in a line, the one found first counts.
  public static let markers: [Marker] = [
    Marker(
      #"\[(debug|info|notice|warning|warn|error|critical|alert|emergency)\]"#, caseInsensitive: true
    ),
    Marker(
      #"\blevel\\*"? *[:=] *\\*"?(debug|info|notice|warning|warn|error|critical|alert|emergency)\b"#,
      caseInsensitive: true),
    Marker(
      #"(?:^|[\s\[(|])(DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL|SEVERE)(?![A-Za-z0-9_])"#,
      caseInsensitive: false),
  ]

  /// The levels whose lines are quiet, lowercase.
  public static let quietLevels: Set<String> = ["debug", "info", "notice"]

  /// `text` as its loud lines and its quiet lines, each joined with line feeds. `quiet` is
  /// empty unless some loud line has a letter or digit: a paste of routine lines only is all
  /// loud, read as it is.
  public static func split(_ text: String) -> (loud: String, quiet: String) {
    // One line, the common case, is all loud.
    guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else {
      return (text, "")
    }
    let lines = Self.lines(text)
    var loud: [Substring] = []
    var quiet: [Substring] = []
    var loudHasWords = false
    for line in lines {
      if let level = firstLevel(in: line), quietLevels.contains(level.lowercased()) {
        quiet.append(line)
      } else {
        loud.append(line)
        if !loudHasWords { loudHasWords = line.contains { $0.isLetter || $0.isNumber } }
      }
    }
    guard loudHasWords, !quiet.isEmpty else { return (text, "") }
    return (loud.joined(separator: "\n"), quiet.joined(separator: "\n"))
  }

  private static let lineBreakExpression = try! NSRegularExpression(pattern: lineBreak)

  /// `text` cut at every line break.
  static func lines(_ text: String) -> [Substring] {
    var lines: [Substring] = []
    var start = text.startIndex
    for match in lineBreakExpression.matches(in: text, range: NSRange(text.startIndex..., in: text))
    {
      guard let range = Range(match.range, in: text) else { continue }
      lines.append(text[start..<range.lowerBound])
      start = range.upperBound
    }
    lines.append(text[start...])
    return lines
  }

  /// The level of the marker found first in `line`.
  static func firstLevel(in line: Substring) -> String? {
    let text = String(line)
    let whole = NSRange(text.startIndex..., in: text)
    var best: (location: Int, level: String)?
    for marker in markers {
      guard let match = marker.expression.firstMatch(in: text, range: whole),
        let level = Range(match.range(at: 1), in: text)
      else { continue }
      if best == nil || match.range.location < best!.location {
        best = (match.range.location, String(text[level]))
      }
    }
    return best?.level
  }
}
