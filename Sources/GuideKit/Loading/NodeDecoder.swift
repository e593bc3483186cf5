import Foundation
import Yams

/// Decodes a composed YAML tree into a `Decodable` type, giving what Yams' `YAMLDecoder` gives
/// on the documents it accepts, without its cost per key.
///
/// Yams finds a mapping's key by building a node for the name it looks for and comparing it
/// with every key of the mapping, tags included; the new node's tag is resolved by the
/// resolver's regular expressions on every lookup, and before that every mapping is copied
/// to merge `<<` keys. Here a key is found by its text alone. That finds the same value as
/// Yams whenever every key in the mapping is a *plain key* (see ``isPlainKey(_:)``), untagged
/// or quoted: such a key's tag resolves to `!!str` both in the file and in the lookup, and it
/// cannot be a merge or a value key.
///
/// Anything else (a key of another kind, a tagged or anchored mapping, an alias) makes the
/// decoder give up with ``Unsupported``; so does any error at all. The caller then decodes
/// with Yams' decoder, so the result and every error message are Yams' own. Scalars are made
/// by Yams' own `ScalarConstructible` conformances, as its decoder makes them.
struct NodeDecoder {
  /// Thrown where the fast path cannot promise Yams' result.
  struct Unsupported: Error {}

  /// Decodes `root` as `T`; throws ``Unsupported`` or the first decoding error.
  static func decode<T: Decodable>(_ type: T.Type, from root: Node) throws -> T {
    try NodeValueDecoder(node: root).decodeValue(T.self)
  }

  /// Whether `text` is a key whose tag the content's resolver and a lookup both resolve to
  /// `!!str`: it starts with an ASCII letter, holds only printable ASCII (so no line break can
  /// end it early for a `$` anchor), and is none of the words the boolean and null rules
  /// match. `YAMLDocument.plainText` gives such text the `!!str` tag before any other rule
  /// is tried. `yamlAnchor` and `yamlTag` are not plain keys either: Yams' decoder leaves them
  /// out of `allKeys`.
  static func isPlainKey(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    guard let first = bytes.next(), isASCIILetter(first) else { return false }
    while let byte = bytes.next() {
      guard byte >= 0x20 && byte < 0x7F else { return false }
    }
    return !reservedWords.contains(text)
  }

  /// The tags a plain key may carry: none (a plain scalar), or `!!str`, which Yams' parser
  /// gives every quoted scalar.
  static let keyTags: Set<String> = [Tag.Name.implicit.rawValue, Tag.Name.str.rawValue]

  /// The words of the boolean and null rules that start with a letter, and the two keys Yams'
  /// decoder leaves out of a mapping's keys (its anchor and tag keys).
  private static let reservedWords: Set<String> = [
    "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "yamlAnchor",
    "yamlTag",
  ]

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }
}

/// The decoder for one node.
///
/// Coding paths stay empty: an error never leaves the fast path (Yams' decoder runs again and
/// reports it), so they would only cost an array per value.
private struct NodeValueDecoder: Decoder, SingleValueDecodingContainer {
  let node: Node
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(try NodeKeyedContainer<Key>(decoder: self))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .sequence(let sequence) = node else { throw NodeDecoder.Unsupported() }
    return NodeUnkeyedContainer(items: Array(sequence))
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

  // MARK: Single values, as Yams' decoder makes them

  func decodeNil() -> Bool {
    guard case .scalar(let scalar) = node else { return false }
    return NSNull.construct(from: scalar) != nil
  }

  func decode(_ type: String.Type) throws -> String { try scalar(String.self) }
  func decode(_ type: Bool.Type) throws -> Bool { try scalar(Bool.self) }
  func decode(_ type: Int.Type) throws -> Int { try scalar(Int.self) }
  func decode(_ type: Double.Type) throws -> Double { try scalar(Double.self) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(T.self) }

  /// A value of `T`: a scalar through `T`'s `ScalarConstructible` conformance, as Yams' decoder
  /// makes one, anything else through `T`'s own `init(from:)`.
  func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
    if let constructible = T.self as? any ScalarConstructible.Type {
      guard let value = try scalar(constructible) as? T else { throw NodeDecoder.Unsupported() }
      return value
    }
    return try T(from: self)
  }

  private func scalar<T: ScalarConstructible>(_ type: T.Type) throws -> T {
    guard case .scalar(let scalar) = node, let value = T.construct(from: scalar)
    else { throw NodeDecoder.Unsupported() }
    return value
  }
}

/// A mapping whose keys are all plain keys, searched by their text.
private struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: NodeValueDecoder
  /// The pairs in the file's order, each key by its text.
  let pairs: [(key: String, value: Node)]

  init(decoder: NodeValueDecoder) throws {
    guard case .mapping(let mapping) = decoder.node, mapping.anchor == nil,
      mapping.tag.rawValue == Tag.Name.implicit.rawValue
    else { throw NodeDecoder.Unsupported() }
    var pairs: [(key: String, value: Node)] = []
    pairs.reserveCapacity(mapping.count)
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key, scalar.anchor == nil,
        NodeDecoder.keyTags.contains(scalar.tag.rawValue), NodeDecoder.isPlainKey(scalar.string)
      else { throw NodeDecoder.Unsupported() }
      pairs.append((scalar.string, value))
    }
    self.decoder = decoder
    self.pairs = pairs
  }

  var codingPath: [any CodingKey] { decoder.codingPath }
  var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.key) } }

  func contains(_ key: Key) -> Bool { value(key.stringValue) != nil }

  private func value(_ name: String) -> Node? {
    pairs.first { $0.key == name }?.value
  }

  private func child(_ key: some CodingKey) throws -> NodeValueDecoder {
    guard let node = value(key.stringValue) else { throw NodeDecoder.Unsupported() }
    return NodeValueDecoder(node: node)
  }

  func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try child(key).decode(String.self)
  }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try child(key).decode(Bool.self)
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(Int.self) }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try child(key).decodeValue(T.self)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try child(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try child(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { throw NodeDecoder.Unsupported() }
  func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

/// A sequence, read item by item.
private struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
  let items: [Node]
  var currentIndex = 0

  var codingPath: [any CodingKey] { [] }

  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  private mutating func next() throws -> NodeValueDecoder {
    guard !isAtEnd else { throw NodeDecoder.Unsupported() }
    defer { currentIndex += 1 }
    return NodeValueDecoder(node: items[currentIndex])
  }

  /// Yams' decoder moves past the item even when it is not null; rather than copy that, an
  /// optional item is left to it.
  mutating func decodeNil() throws -> Bool { throw NodeDecoder.Unsupported() }

  mutating func decode(_ type: String.Type) throws -> String { try next().decode(String.self) }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try next().decodeValue(T.self)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next().unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { try next() }
}
