/// A text being normalised, held as its lines, each with its features (``TextFeatures``),
/// found again whenever a rule or case folding changes the line.
struct NormalizedLines {
  private var lines: [String]
  private var features: [TextFeatures]

  /// `text` cut at every line feed (kept empty lines included).
  init(_ text: String) {
    lines = Self.split(text)
    features = lines.map(TextFeatures.init(of:))
  }

  /// Applies `rule` to each line that can match it, or to the whole text when the rule can
  /// match across lines.
  mutating func apply(_ rule: QueryNormalizer.Rule) {
    if rule.spansLines {
      let all = features.reduce(TextFeatures()) { $0.union($1) }
      guard all.contains(rule.needs) else { return }
      let text = lines.joined(separator: "\n")
      let replaced = rule.apply(text, features: all)
      guard replaced != text else { return }
      lines = Self.split(replaced)
      features = lines.map(TextFeatures.init(of:))
      return
    }
    for index in lines.indices where features[index].contains(rule.needs) {
      let replaced = rule.apply(lines[index], features: features[index])
      guard replaced != lines[index] else { continue }
      lines[index] = replaced
      features[index] = TextFeatures(of: replaced)
    }
  }

  /// Folds every line's case. An ASCII line keeps its features, less those that need a
  /// capital letter (``TextFeatures/caseSensitive``): no other feature depends on case.
  mutating func lowercase() {
    for index in lines.indices {
      let lowered = lines[index].lowercased()
      guard lowered != lines[index] else { continue }
      lines[index] = lowered
      features[index] =
        features[index].contains(.nonASCII)
        ? TextFeatures(of: lowered) : features[index].subtracting(.caseSensitive)
    }
  }

  /// The words of all the lines, in order.
  var words: [String] {
    lines.flatMap(QueryNormalizer.tokens(ofNormalized:))
  }

  private static func split(_ text: String) -> [String] {
    text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map { String(Substring($0)) }
  }
}
