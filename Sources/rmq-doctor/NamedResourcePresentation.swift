import GuideKit
import TroubleshootingEngine

/// The queue or exchange a pasted error names, shown with the troubleshooter's outcome: for a
/// declaration that differs from the existing object, both values side by side and which side
/// to change; and the object's row from the listing, when the diagnostics or evidence hold it.
enum NamedResourcePresentation {
  /// The section, in Markdown.
  static func markdown(_ named: NamedResource, facts: [Fact]) -> String {
    let vhost = named.vhost.map { " in virtual host `\($0)`" } ?? ""
    var out = "## The \(named.kind) the error names\n\n"
    out += "The error is about \(named.kind) `\(named.name)`\(vhost).\n\n"
    if let mismatch = named.mismatch {
      out += "- the existing \(named.kind): `\(mismatch.argument)` = \(cell(mismatch.current))\n"
      out += "- this declaration: `\(mismatch.argument)` = \(cell(mismatch.received))\n\n"
      out +=
        "A declaration must repeat the existing \(named.kind)'s properties exactly. Either:\n\n"
      out +=
        "- **keep the \(named.kind) as it is**: change the declaring code to `\(mismatch.argument)` = "
        + "\(cell(mismatch.current)), in every application that declares it; or\n"
      out +=
        "- **change the \(named.kind)**: it must be deleted and declared again with the new value"
        + (named.kind == "queue" ? " (its messages are lost)" : " (its bindings are lost)")
        + (mismatch.argument.hasPrefix("x-")
          ? "; for an argument a policy can set (TTL, length limits, dead lettering), a policy changes it without deleting anything.\n\n"
          : ".\n\n")
    }
    if let row = existingRow(named, in: facts) {
      out += "As listed by `\(row.source)`:\n\n```text\n\(row.header)\n\(row.line)\n```\n\n"
    } else if named.mismatch != nil {
      out +=
        "To see all its properties: `rabbitmqctl list_\(named.kind == "queue" ? "queues" : "exchanges")"
        + (named.vhost.map { " -p '\($0)'" } ?? "") + " name durable auto_delete arguments`.\n\n"
    }
    return out
  }

  static func cell(_ value: String?) -> String { value.map { "`\($0)`" } ?? "(not set)" }

  /// The listing row whose first column is the object's name, with its header and source.
  static func existingRow(_ named: NamedResource, in facts: [Fact]) -> (
    header: String, line: String, source: String
  )? {
    let listing = named.kind == "queue" ? "rabbitmqctl-list-queues" : "rabbitmqctl-list-exchanges"
    for fact in facts where fact.source.hasPrefix(listing + ":") {
      guard let header = fact.evidence.first, header.hasPrefix("name\t") else { continue }
      if let line = fact.evidence.dropFirst().first(where: {
        $0.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init)
          == named.name
      }) {
        return (header, line, fact.source)
      }
    }
    return nil
  }
}
