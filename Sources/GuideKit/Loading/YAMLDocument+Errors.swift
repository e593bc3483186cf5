import Foundation
import Yams

extension YAMLDocument {
  /// Turns an error decoding `T` into one located line a person can act on.
  func describe<T: Decodable>(_ error: DecodingError, decoding: T.Type) -> ContentError {
    switch error {
    case .keyNotFound(let key, let context):
      let path = Self.components(context.codingPath)
      let present = Self.child(root, path)?.mapping?.compactMap(\.key.string) ?? []
      if let typo = present.first(where: { Suggestion.distance($0, key.stringValue) <= 2 }) {
        return ContentError(
          .schema("unknown key '\(typo)'; did you mean '\(key.stringValue)'?"),
          at: keyLocation(at: path, key: typo))
      }
      return ContentError(
        .schema("missing required key '\(key.stringValue)'\(Self.within(path))"),
        at: location(at: path))
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let path = Self.components(context.codingPath)
      let expected = expected(type, decoding: T.self, at: path)
      return ContentError(
        .schema("'\(Self.name(path))' must be \(expected), found \(found(at: path))"),
        at: errorLocation(at: path))
    case .dataCorrupted(let context):
      let path = Self.components(context.codingPath)
      let value = Self.child(root, path)?.string ?? ""
      var message = "invalid value '\(value)' for '\(Self.name(path))'"
      if let allowed = Self.allowedValues[Self.name(path)] {
        message += "; expected one of: \(allowed.joined(separator: ", "))"
      }
      return ContentError(.schema(message), at: location(at: path))
    @unknown default:
      return ContentError(.schema(String(describing: error)), at: location(at: []))
    }
  }

  /// Rejects keys in the YAML that `value`'s type does not have: encode the decoded value
  /// again, and any key that did not survive the round trip is unknown to the schema (a typo,
  /// most often). The value is encoded into its ``KeyShape`` only, not into YAML text.
  /// Then rejects a null where the value is required (see ``rejectNulls(known:decoding:)``).
  func rejectUnknownKeys<T: Codable>(in value: T) throws(ContentError) {
    guard let known = try? KeyShape.of(value) else { return }
    if let unknown = Self.firstUnknownKey(original: root, known: known) {
      let vocabulary = Array(Set(unknown.knownKeys + Self.vocabulary(of: value)))
      let suggestion =
        Suggestion.closest(to: unknown.key, among: vocabulary)
        .map { "; did you mean '\($0)'?" } ?? ""
      throw ContentError(
        .schema("unknown key '\(unknown.key)'\(suggestion)"), at: location(of: unknown.mark))
    }
    try rejectNulls(known: known, decoding: T.self)
  }

  private static func firstUnknownKey(original: Node, known: KeyShape)
    -> (key: String, mark: Mark?, knownKeys: [String])?
  {
    switch (original, known.kind) {
    case (.mapping(let originalMapping), .mapping):
      for (key, value) in originalMapping {
        guard let name = key.string else { continue }
        guard let match = known.child(name) else { return (name, key.mark, known.keys) }
        if let found = firstUnknownKey(original: value, known: match) { return found }
      }
    case (.sequence(let originalItems), .sequence):
      for (item, match) in zip(originalItems, known.items) {
        if let found = firstUnknownKey(original: item, known: match) { return found }
      }
    default:
      break
    }
    return nil
  }

  /// Every key name the schema's types use, found by reflection on a decoded value: optional
  /// properties that are nil still appear, so a typo of an absent key finds its suggestion.
  static func vocabulary(of value: Any) -> [String] {
    var names: Set<String> = []
    func walk(_ value: Any, depth: Int) {
      guard depth < 8 else { return }
      for child in Mirror(reflecting: value).children {
        if let label = child.label { names.insert(snakeCase(label)) }
        walk(child.value, depth: depth + 1)
      }
    }
    walk(value, depth: 0)
    return names.sorted()
  }

  private static func snakeCase(_ name: String) -> String {
    name.reduce(into: "") { result, character in
      if character.isUppercase {
        result += "_" + character.lowercased()
      } else {
        result.append(character)
      }
    }
  }

  /// The allowed values of the schema's closed sets, by key name.
  static let allowedValues: [String: [String]] = [
    "side": Side.allCases.map(\.rawValue),
    "library": ClientLibrary.allCases.map(\.rawValue),
    "format": LogFormat.allCases.map(\.rawValue),
    "runs_on": Host.allCases.map(\.rawValue),
    "parser": OutputParserKind.allCases.map(\.rawValue),
    "op": Comparison.allCases.map(\.rawValue),
  ]

  static func components(_ codingPath: [any CodingKey]) -> [YAMLPathComponent] {
    codingPath.map { key in key.intValue.map(YAMLPathComponent.index) ?? .key(key.stringValue) }
  }

  static func child(_ root: Node, _ path: [YAMLPathComponent]) -> Node? {
    var node = root
    for component in path {
      guard let next = child(of: node, component) else { return nil }
      node = next
    }
    return node
  }

  static func name(_ path: [YAMLPathComponent]) -> String {
    for component in path.reversed() {
      if case .key(let key) = component { return key }
    }
    return "document"
  }

  private static func within(_ path: [YAMLPathComponent]) -> String {
    path.isEmpty ? "" : " in '\(name(path))'"
  }
}
