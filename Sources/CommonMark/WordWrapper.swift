/// A run of text that shares one set of SGR attributes.
struct StyledRun {
  var text: String
  var codes: [Int]
  /// Whether the wrapper may break the run at its spaces; code spans may not.
  var breakable = true
}

/// Breaks styled runs into words and fills lines up to a width, counting only visible
/// characters, so escape codes never break the layout.
struct WordWrapper {
  let style: TerminalStyle
  let width: Int

  private struct Word {
    var text = ""
    var width = 0
  }

  /// Wraps `runs` into lines. `firstPrefix` starts the first line, `prefix` every later one;
  /// both count towards the width. A `\n` in a run forces a line break.
  func wrap(_ runs: [StyledRun], firstPrefix: String, prefix: String) -> [String] {
    var lines: [String] = []
    var line = firstPrefix
    var lineWidth = firstPrefix.count
    var lineHasWord = false

    func place(_ word: Word) {
      guard word.width > 0 else { return }
      if lineHasWord && lineWidth + 1 + word.width > width {
        lines.append(line)
        line = prefix
        lineWidth = prefix.count
        lineHasWord = false
      }
      if lineHasWord {
        line += " "
        lineWidth += 1
      }
      line += word.text
      lineWidth += word.width
      lineHasWord = true
    }

    var word = Word()
    for run in runs {
      var piece = ""
      func flushPiece() {
        guard !piece.isEmpty else { return }
        let open = style.sgr(run.codes)
        word.text += open + piece + (open.isEmpty ? "" : style.reset)
        word.width += piece.count
        piece = ""
      }
      for character in run.text {
        if character == "\n" {
          flushPiece()
          place(word)
          word = Word()
          lines.append(line)
          line = prefix
          lineWidth = prefix.count
          lineHasWord = false
        } else if run.breakable && (character == " " || character == "\t") {
          flushPiece()
          place(word)
          word = Word()
        } else {
          piece.append(character)
        }
      }
      flushPiece()
    }
    place(word)
    if lineHasWord || lines.isEmpty { lines.append(line) }
    return lines.map { $0.trailingWhitespaceTrimmed }
  }
}

extension String {
  /// The string without trailing spaces.
  var trailingWhitespaceTrimmed: String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
