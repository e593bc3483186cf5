/// A guide file split into its YAML front-matter and its Markdown body.
struct FrontMatterSplit: Sendable {
  /// The YAML between the two `---` lines.
  var yaml: String
  /// The Markdown after the closing `---` line.
  var body: String
  /// How many lines of the file come before the body's first line.
  var bodyLineOffset: Int

  /// Splits `text`; the first line must be `---` and a later line must close the front-matter.
  init(text: String, path: String) throws(ContentError) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    guard lines.first.map({ $0.trimmingTrailingSpaces == "---" }) == true else {
      throw ContentError(.missingFrontMatter, at: FileLocation(path: path))
    }
    guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" })
    else {
      throw ContentError(
        .unterminatedFrontMatter, at: FileLocation(path: path, line: lines.count, column: 1))
    }
    yaml = lines[1..<close].joined(separator: "\n")
    body = lines[(close + 1)...].joined(separator: "\n")
    bodyLineOffset = close + 1
  }
}

extension Substring {
  var trimmingTrailingSpaces: Substring {
    var result = self
    while result.last == " " || result.last == "\t" { result = result.dropLast() }
    return result
  }
}
