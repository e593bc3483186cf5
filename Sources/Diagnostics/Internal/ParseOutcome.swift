/// A fact a parser found, before the reader keeps the declared ones and names the source.
struct Finding: Sendable, Hashable {
  /// The fact's id.
  var id: String
  /// Its value.
  var value: Double
  /// The lines, or a short summary of them, that establish it.
  var evidence: [String]
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
