/// A fact a parser found, before the reader keeps the declared ones and names the source.
struct Finding: Sendable, Hashable {
  /// The fact's id.
  var id: String
  /// Its value.
  var value: Double
  /// The lines, or a short summary of them, that establish it.
  var evidence: [String]
}

extension Finding {
  /// The number of `items`, with a line for each as its evidence (cut as ``Evidence`` cuts
  /// them), or `none` when there are none.
  static func count<Item>(
    _ id: String, _ items: [Item], noun: String, none: String, line: (Item) -> String
  ) -> Finding {
    Finding(
      id: id, value: Double(items.count),
      evidence: items.isEmpty ? [none] : Evidence.lines(items.map(line), noun: noun))
  }
}

/// What a parser made of the output: its findings, or why the output was not usable.
struct ParseOutcome: Sendable {
  /// The facts found; a parser may find more than a diagnostic declares.
  var findings: [Finding] = []
  /// Set when the output cannot be read as the parser expects.
  var problem: String?

  /// An outcome holding only `problem`.
  static func problem(_ text: String) -> ParseOutcome {
    ParseOutcome(problem: text)
  }
}
