/// A queue or exchange that a pasted error names, with what the error says about it.
///
/// Read from the broker's own wording, which the clients pass on unchanged:
/// `no queue 'jobs' in vhost '/'`, `locked queue 'session-42' in vhost '/'`, `access to exchange
/// 'amq.default' in vhost '/' refused`, and a declaration mismatch, `inequivalent arg 'durable'
/// for queue 'orders' in vhost '/': received 'false' but current is 'true'`.
public struct NamedResource: Sendable, Hashable, Codable {
  /// `queue` or `exchange`.
  public var kind: String
  public var name: String
  public var vhost: String?
  /// For a declaration that differs from the existing object: which property, and both values.
  public var mismatch: Mismatch?

  /// A property the client declared differently from the object that exists.
  public struct Mismatch: Sendable, Hashable, Codable {
    /// The property or `x-` argument, as the broker names it.
    public var argument: String
    /// What the client sent; `nil` when it sent no such argument.
    public var received: String?
    /// What the existing object has; `nil` when it has no such argument.
    public var current: String?
  }

  /// The first queue or exchange that `text` names, or `nil`.
  public static func first(in text: String) -> NamedResource? {
    if let match = text.firstMatch(of: mismatchPattern) {
      return NamedResource(
        kind: String(match.kind), name: String(match.name), vhost: String(match.vhost),
        mismatch: Mismatch(
          argument: String(match.argument), received: value(match.received),
          current: value(match.current)))
    }
    if let match = text.firstMatch(of: namedPattern) {
      return NamedResource(
        kind: String(match.kind), name: String(match.name), vhost: match.vhost.map(String.init))
    }
    return nil
  }

  /// `'x'` or `the value 'x' of type 't'` as `x (t)`; `none` as `nil`.
  static func value(_ text: Substring) -> String? {
    if text == "none" { return nil }
    if let typed = text.firstMatch(of: /the value '(?<value>[^']*)' of type '(?<type>[^']*)'/) {
      return "\(typed.value) (\(typed.type))"
    }
    return String(text.dropFirst().dropLast())
  }

  static var mismatchPattern:
    Regex<
      (
        Substring, argument: Substring, kind: Substring, name: Substring, vhost: Substring,
        received: Substring, current: Substring
      )
    >
  {
    /inequivalent arg '(?<argument>[^']+)' for (?<kind>queue|exchange) '(?<name>[^']*)' in vhost '(?<vhost>[^']*)': received (?<received>none|the value '[^']*' of type '[^']*'|'[^']*') but current is (?<current>none|the value '[^']*' of type '[^']*'|'[^']*')/
  }

  static var namedPattern: Regex<(Substring, kind: Substring, name: Substring, vhost: Substring?)> {
    /(?<kind>queue|exchange) '(?<name>[^']*)'(?: in vhost '(?<vhost>[^']*)')?/
  }
}
