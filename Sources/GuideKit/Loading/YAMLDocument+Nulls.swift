import Yams

extension YAMLDocument {
  /// Rejects a null (`title: null`, `title: ~`, `title:`) where `T` requires a value: the
  /// decoder would read it as the text `null` or as empty text. A value the decoded value
  /// writes back as a single value must not be null in the file; an optional key left null is
  /// not written back, so it is not checked here.
  func rejectNulls<T: Decodable>(known: KeyShape, decoding: T.Type) throws(ContentError) {
    guard let path = Self.firstRequiredNull(root, known: known, path: []) else { return }
    let expected = expectedScalar(T.self, at: path)
    throw ContentError(
      .schema("'\(Self.name(path))' must be \(expected), found null"), at: location(at: path))
  }

  private static func firstRequiredNull(_ node: Node, known: KeyShape, path: [YAMLPathComponent])
    -> [YAMLPathComponent]?
  {
    switch (node, known.kind) {
    case (.scalar(let scalar), .scalar):
      // A scalar without a tag is null when the resolver says so; `isNull(plain:)` says it
      // without the resolver's regular expressions, for almost every scalar.
      if scalar.tag.rawValue == Tag.Name.implicit.rawValue,
        let isNull = isNull(plain: scalar.string)
      {
        return isNull ? path : nil
      }
      if node.tag.rawValue == Tag.Name.null.rawValue { return path }
    case (.mapping(let mapping), .mapping):
      for (key, value) in mapping {
        guard let name = key.string, let match = known.child(name) else { continue }
        if let found = firstRequiredNull(value, known: match, path: path + [.key(name)]) {
          return found
        }
      }
    case (.sequence(let items), .sequence):
      for (index, (item, match)) in zip(items, known.items).enumerated() {
        if let found = firstRequiredNull(item, known: match, path: path + [.index(index)]) {
          return found
        }
      }
    default:
      break
    }
    return nil
  }

  /// Whether the resolver reads `text`, untagged, as null; nil when only the resolver can say.
  ///
  /// Null's spellings (`~`, `null`, `Null`, `NULL` or nothing, then at most one final line
  /// break of up to three bytes) take at most seven bytes: longer text is not null. Text of
  /// printable ASCII has no line break for the null rule's `$` to stand before, so it is null
  /// exactly when it is one of the spellings, which no earlier rule matches.
  static func isNull(plain text: String) -> Bool? {
    guard text.utf8.count <= 7 else { return false }
    guard text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
    return nullSpellings.contains(text)
  }

  private static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]
}
