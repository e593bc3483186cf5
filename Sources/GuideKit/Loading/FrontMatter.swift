/// A guide file split into its YAML front-matter and its Markdown body.
struct FrontMatterSplit: Sendable {
  /// The YAML between the two `---` lines.
  var yaml: String
  /// The Markdown after the closing `---` line.
  var body: String
  /// How many lines of the file come before the body's first line.
  var bodyLineOffset: Int

  /// Splits `text`; the first line must be `---` and a later line must close the front-matter.
  ///
  /// Lines end at each `\n` that is a character of its own (a `\r\n` pair is one character and
  /// does not end a line); a line's trailing `\r` is not part of it. Only the final line can
  /// end in `\r`, so the YAML and the body are slices of the text, found without cutting the
  /// whole file into lines.
  init(text: String, path: String) throws(ContentError) {
    let starts = Self.lineStarts(text)
    func line(_ number: Int) -> Substring {
      let end =
        number + 1 < starts.count ? text.utf8.index(before: starts[number + 1]) : text.endIndex
      let line = text[starts[number]..<end]
      return line.hasSuffix("\r") ? line.dropLast() : line
    }
    guard line(0).trimmingTrailingSpaces == "---" else {
      throw ContentError(.missingFrontMatter, at: FileLocation(path: path))
    }
    guard
      let close = starts.indices.dropFirst().first(where: {
        line($0).trimmingTrailingSpaces == "---"
      })
    else {
      throw ContentError(
        .unterminatedFrontMatter, at: FileLocation(path: path, line: starts.count, column: 1))
    }
    yaml = close > 1 ? String(text[starts[1]..<text.utf8.index(before: starts[close])]) : ""
    body = close + 1 < starts.count ? String(text[starts[close + 1]...]) : ""
    if body.hasSuffix("\r") { body.removeLast() }
    bodyLineOffset = close + 1
  }

  /// Where each line of `text` starts: the start, and after every `\n` not preceded by `\r`.
  private static func lineStarts(_ text: String) -> [String.Index] {
    var starts = [text.startIndex]
    var previous: UInt8 = 0
    var index = text.utf8.startIndex
    while index != text.utf8.endIndex {
      let byte = text.utf8[index]
      index = text.utf8.index(after: index)
      if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") { starts.append(index) }
      previous = byte
    }
    return starts
  }
}

extension Substring {
  var trimmingTrailingSpaces: Substring {
    var result = self
    while result.last == " " || result.last == "\t" { result = result.dropLast() }
    return result
  }
}
