import GuideKit

/// Something `diagnose` reports: a fact whose value the catalogue calls notable, with the
/// guide and cause it points to and the output lines that show it.
public struct Finding: Sendable, Hashable, Codable {
  /// The diagnostic that produced the fact.
  public var diagnostic: String
  /// The fact.
  public var fact: Fact
  /// The finding in one line.
  public var message: String
  /// The guide that explains it.
  public var guide: String
  /// The cause in that guide, when the finding points to one.
  public var cause: String?

  /// The findings among `facts`: each fact checked against its declaration in the catalogue,
  /// in catalogue order, then in the order the facts came.
  public static func findings(in facts: [Fact], library: ContentLibrary) -> [Finding] {
    var result: [Finding] = []
    for located in library.diagnostics {
      let diagnostic = located.value
      for declaration in diagnostic.yields {
        guard let rule = declaration.finding else { continue }
        for fact in facts
        where fact.id == declaration.fact && fact.source.hasPrefix(diagnostic.id + ":") {
          guard rule.op.holds(fact.value, rule.value) else { continue }
          var shown = fact
          var message = rule.message(for: fact.value)
          for companion in rule.with ?? [] {
            // The largest value when several outputs give the fact (an evidence folder).
            guard
              let other = facts.filter({ $0.id == companion.fact }).max(by: { $0.value < $1.value })
            else {
              continue
            }
            message += "; " + FindingRule.fill(companion.says, other.value)
            shown.evidence += other.evidence
          }
          result.append(
            Finding(
              diagnostic: diagnostic.id, fact: shown, message: message,
              guide: rule.guide, cause: rule.cause))
        }
      }
    }
    return result
  }
}
