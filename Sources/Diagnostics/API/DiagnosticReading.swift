import GuideKit

/// What one output of one diagnostic established.
///
/// A reading holds either facts or a problem: when the output shows that the command could not
/// do its job (the node is down, permission was denied, the program is missing), `problem` says
/// so in one line and `facts` is empty.
public struct DiagnosticReading: Sendable, Hashable {
  /// The diagnostic's id in the catalogue.
  public var diagnostic: String
  /// Where the output came from: a file name in an evidence bundle, or `"live"`.
  public var source: String
  /// The facts the output established, in the order the diagnostic declares them.
  public var facts: [Fact]
  /// `nil` when the output was usable; otherwise one line saying why it was not, for example
  /// `permission denied: dmesg: read kernel buffer failed: Operation not permitted`.
  public var problem: String?

  /// Creates a reading.
  public init(diagnostic: String, source: String, facts: [Fact], problem: String?) {
    self.diagnostic = diagnostic
    self.source = source
    self.facts = facts
    self.problem = problem
  }

  /// The fact with `id`, if the output established it.
  public func fact(_ id: String) -> Fact? {
    facts.first { $0.id == id }
  }
}
