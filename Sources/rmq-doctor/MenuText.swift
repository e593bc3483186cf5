/// Plain text filled into lines of a terminal's width, broken only between words, for menus
/// whose lines carry no escape codes while they are laid out.
enum MenuText {
  /// `text` in lines of at most `width` characters: the first starts with `first`, later ones
  /// with `rest` (a hanging indent). A word longer than a line stands alone on its line, whole.
  static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
    var lines: [String] = []
    var line = first
    var hasWord = false
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      if hasWord && line.count + 1 + word.count > width {
        lines.append(line)
        line = rest
        hasWord = false
      }
      line += (hasWord ? " " : "") + word
      hasWord = true
    }
    lines.append(line)
    return lines
  }
}
