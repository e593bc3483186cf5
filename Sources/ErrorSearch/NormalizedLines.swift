/// A text being normalised, held as its lines, each with the features (``TextFeatures``) it
/// may still have.
///
/// The rules only remove characters or put back what they matched, so a line's features can
/// only shrink and are computed again only where a line may have gained some: after case
/// folding, and after a rule that spans lines.
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
      lines[index] = rule.apply(lines[index], features: features[index])
    }
  }

  /// Folds every line's case.
  mutating func lowercase() {
    lines = lines.map { $0.lowercased() }
    features = lines.map(TextFeatures.init(of:))
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
