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
      // Null's spellings (`~`, `null`, `Null`, `NULL` or nothing, then at most one final line
      // break of up to three bytes) take at most seven bytes: a longer scalar without a tag
      // cannot be null, and its tag is not resolved (which tries the resolver's regular
      // expressions on it).
      if scalar.tag.rawValue == Tag.Name.implicit.rawValue && scalar.string.utf8.count > 7 {
        return nil
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
}
