import Yams

extension YAMLDocument {
  /// The tags a content file may carry: YAML's own core types, written or resolved.
  static let coreTags: Set<String> = Set(
    ([
      .implicit, .nonSpecific, .str, .seq, .map, .bool, .float, .null, .int, .merge, .timestamp,
      .value,
    ]
      as [Tag.Name]).map(\.rawValue))

  /// What stands at `path`, for an error: `a mapping`, `a list`, `'text'`, `null`, with the tag
  /// when it is not one of YAML's core types (`a mapping tagged !!python/object:x`), and for
  /// an alias what it stands for and where that is (`an alias of a list from line 4`).
  func found(at path: [YAMLPathComponent]) -> String {
    guard let node = Self.child(root, path) else { return "nothing" }
    let kind = Self.kindName(node) + Self.tagSuffix(node)
    guard isAlias(at: path) else { return kind }
    return "an alias of \(kind) from line \(location(at: path).line)"
  }

  /// Whether the value at `path` is an alias (`*name`) of a value anchored before it.
  ///
  /// Yams copies the anchored value into each alias, position included, and keeps no anchor
  /// names, so an alias is told by its position: it stands before its own key, or before the
  /// item ahead of it in its list.
  func isAlias(at path: [YAMLPathComponent]) -> Bool {
    guard let last = path.last, let node = Self.child(root, path), let mark = node.mark,
      let parent = Self.child(root, Array(path.dropLast()))
    else { return false }
    switch last {
    case .key(let key):
      let keyMark = parent.mapping?.first { $0.key.string == key }?.key.mark
      return keyMark.map { Self.precedes(mark, $0) } ?? false
    case .index(let index):
      if let start = parent.mark, Self.precedes(mark, start) { return true }
      guard index > 0, let items = parent.sequence, index < items.count,
        let previous = items[index - 1].mark
      else { return false }
      return !Self.precedes(previous, mark)
    }
  }

  /// Where an error about the value at `path` points: at the value, or for an alias (whose
  /// position is its anchor's) at its key or its list.
  func errorLocation(at path: [YAMLPathComponent]) -> FileLocation {
    guard isAlias(at: path), let last = path.last else { return location(at: path) }
    let parent = Array(path.dropLast())
    if case .key(let key) = last { return keyLocation(at: parent, key: key) }
    return location(at: parent)
  }

  private static func precedes(_ mark: Mark, _ other: Mark) -> Bool {
    (mark.line, mark.column) < (other.line, other.column)
  }

  static func kindName(_ node: Node) -> String {
    switch node {
    case .scalar where node.tag.rawValue == Tag.Name.null.rawValue: "null"
    case .scalar(let scalar): "'\(scalar.string)'"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  /// ` tagged !!python/object:x` for a tag outside YAML's core types, else nothing.
  private static func tagSuffix(_ node: Node) -> String {
    let name = node.tag.rawValue
    guard !coreTags.contains(name) else { return "" }
    let yamlPrefix = "tag:yaml.org,2002:"
    let shown =
      name.hasPrefix(yamlPrefix) ? "!!" + name.dropFirst(yamlPrefix.count) : name
    return " tagged \(shown)"
  }
}
