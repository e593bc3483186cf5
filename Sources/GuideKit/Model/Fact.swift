/// A fact a diagnostic's output established, with the lines that show it.
///
/// Facts are what the troubleshooter reads to answer questions on its own (for example
/// `heartbeat-zero-connections` = 3 answers "are heartbeats disabled?"). Their ids are the ones
/// the diagnostics catalogue declares under `yields`.
public struct Fact: Codable, Sendable, Hashable {
  /// The fact's id, as declared by the diagnostic.
  public var id: String
  /// Its value; counts, seconds, bytes and flags (0 or 1) are all numbers.
  public var value: Double
  /// The output lines, or a short summary of them, that establish it; shown as evidence.
  public var evidence: [String]
  /// Where it came from: the diagnostic's id, and the file when read from evidence.
  public var source: String

  /// Creates a fact.
  public init(id: String, value: Double, evidence: [String], source: String) {
    self.id = id
    self.value = value
    self.evidence = evidence
    self.source = source
  }
}
