import Foundation

/// Shapes the evidence attached to a fact: a few trimmed lines, never a wall of output.
enum Evidence {
  /// The most lines one fact shows.
  static let lineLimit = 5
  /// The longest line shown; longer ones are cut with an ellipsis.
  static let lineLength = 240

  /// Up to `limit` of `lines`, trimmed and clipped, after `header` when there is one. When
  /// some are left out, the last line says how many `noun` (a plural such as `"rows"`) there were.
  static func lines(
    _ lines: [String], header: String? = nil, noun: String = "lines", limit: Int = lineLimit
  ) -> [String] {
    let head = header.map { [clip($0)] } ?? []
    let room = limit - head.count
    if lines.count <= room { return head + lines.map(clip) }
    return head + lines.prefix(room - 1).map(clip) + ["… \(lines.count) \(noun) in all"]
  }

  /// `text` with the password of any `scheme://user:password@` URL replaced by `[scrubbed]`:
  /// applications put URLs in connection names, and evidence is printed and passed on.
  static func maskingURLPasswords(_ text: String) -> String {
    let range = NSRange(text.startIndex..., in: text)
    return urlPassword.stringByReplacingMatches(
      in: text, range: range, withTemplate: "$1:[scrubbed]@")
  }

  nonisolated(unsafe) private static let urlPassword = try! NSRegularExpression(
    pattern: #"([A-Za-z][A-Za-z0-9+.-]*://[^/\s:@"'<>]+):([^@\s/"'<>]+)@"#)

  /// `line` without surrounding white space, cut to `lineLength` characters.
  static func clip(_ line: String) -> String {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard trimmed.count > lineLength else { return trimmed }
    return String(trimmed.prefix(lineLength - 1)) + "…"
  }
}
