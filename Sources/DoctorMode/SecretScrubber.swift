import Foundation

/// Takes secrets out of what goes into an evidence bundle: passwords in URLs
/// (`amqp://user:PASSWORD@host`), values under keys that name a password, secret, token or
/// credential (in JSON, in Erlang terms such as `{default_pass,<<"...">>}` and in
/// `KEY=value` lines), and every occurrence of the secrets the caller knows (the management
/// password used). What was taken out is counted by kind; the secrets themselves are never kept.
public struct SecretScrubber: Sendable {
  /// What replaces a secret.
  public static let mask = "[scrubbed]"

  /// Secrets removed wherever they appear, longest first.
  private let known: [String]

  /// A scrubber that also removes each of `known` (values shorter than 4 characters are too
  /// likely to be ordinary text and are left to the other rules).
  public init(known: [String] = []) {
    self.known = known.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
  }

  /// Whether a key names something secret.
  static func isSecretKey(_ key: String) -> Bool {
    let lowered = key.lowercased()
    let words = lowered.split { !$0.isLetter && !$0.isNumber }
    let secretWords: Set<Substring> = [
      "pass", "password", "passwd", "passphrase", "pwd", "secret", "token", "credential",
      "credentials",
      "authorization", "apikey", "api_key",
    ]
    return words.contains { secretWords.contains($0) } || lowered.hasSuffix("password")
      || lowered.hasSuffix("secret")
      || lowered.hasSuffix("token")
  }

  /// `data` scrubbed: as JSON when it is JSON (keys and string values), else as text.
  public func scrub(_ data: Data) -> (data: Data, removed: [String: Int]) {
    var removed: [String: Int] = [:]
    if let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
      let cleaned = scrubJSON(value, removed: &removed)
      if removed.isEmpty { return (data, [:]) }
      if let out = try? JSONSerialization.data(
        withJSONObject: cleaned, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
      {
        return (out, removed)
      }
    }
    let (text, found) = scrub(String(decoding: data, as: UTF8.self))
    return (Data(text.utf8), found)
  }

  private func scrubJSON(_ value: Any, removed: inout [String: Int]) -> Any {
    switch value {
    case let object as [String: Any]:
      var out: [String: Any] = [:]
      for (key, child) in object {
        if Self.isSecretKey(key), !(child is [String: Any]), !(child is [Any]), !(child is NSNull) {
          removed["value under a secret key", default: 0] += 1
          out[key] = Self.mask
        } else {
          out[key] = scrubJSON(child, removed: &removed)
        }
      }
      return out
    case let array as [Any]:
      return array.map { scrubJSON($0, removed: &removed) }
    case let text as String:
      let (cleaned, found) = scrub(text)
      for (kind, count) in found { removed[kind, default: 0] += count }
      return cleaned
    default:
      return value
    }
  }

  /// `text` scrubbed line by line rules: URL credentials, secret Erlang terms, `KEY=value`
  /// secrets, and the known secrets.
  public func scrub(_ text: String) -> (text: String, removed: [String: Int]) {
    var out = text
    var removed: [String: Int] = [:]
    for rule in Self.rules {
      let range = NSRange(out.startIndex..., in: out)
      let count = rule.expression.numberOfMatches(in: out, range: range)
      guard count > 0 else { continue }
      out = rule.expression.stringByReplacingMatches(
        in: out, range: range, withTemplate: rule.template)
      removed[rule.kind, default: 0] += count
    }
    for secret in known where out.contains(secret) {
      removed["the management password", default: 0] +=
        out.components(separatedBy: secret).count - 1
      out = out.replacingOccurrences(of: secret, with: Self.mask)
    }
    return (out, removed)
  }

  private struct Rule: @unchecked Sendable {
    var kind: String
    var expression: NSRegularExpression
    var template: String
  }

  private static let rules: [Rule] = [
    Rule(
      kind: "password in a URL",
      expression: try! NSRegularExpression(
        pattern: #"([A-Za-z][A-Za-z0-9+.-]*://[^/\s:@"'<>]+):([^@\s/"'<>]+)@"#),
      template: "$1:\(mask)@"),
    Rule(
      kind: "secret in an Erlang term",
      expression: try! NSRegularExpression(
        pattern:
          #"\{(\s*'?[a-z_]*(?:pass|password|passphrase|secret|token)[a-z_]*'?\s*,\s*)(<<"[^"]*">>|"[^"]*")\s*\}"#
      ),
      template: "{$1\(mask)}"),
    Rule(
      kind: "secret in a KEY=value line",
      expression: try! NSRegularExpression(
        pattern:
          #"(?i)\b([A-Z0-9_]*(?:PASS|PASSWORD|SECRET|TOKEN)[A-Z0-9_]*\s*=\s*)("[^"]*"|'[^']*'|\S+)"#
      ),
      template: "$1\(mask)"),
  ]
}
