import Foundation

/// The keys a value writes when it is encoded: for each mapping its keys in order and what
/// each holds, for each sequence its items. What the unknown-key check compares a YAML file
/// with, built by encoding the decoded value once, without writing or parsing YAML text.
final class KeyShape {
  enum Kind { case empty, scalar, mapping, sequence }

  private(set) var kind = Kind.empty
  /// A mapping's keys, in the order they were first encoded.
  private(set) var keys: [String] = []
  private var children: [String: KeyShape] = [:]
  /// A sequence's items.
  private(set) var items: [KeyShape] = []

  /// The shape of `value` as its `Encodable` conformance writes it.
  static func of<T: Encodable>(_ value: T) throws -> KeyShape {
    let shape = KeyShape()
    try value.encode(to: KeyShapeEncoder(shape: shape, codingPath: []))
    return shape
  }

  /// The value under `key` in a mapping.
  func child(_ key: String) -> KeyShape? { children[key] }

  fileprivate func becomeMapping() {
    if kind != .mapping {
      kind = .mapping
      keys = []
      children = [:]
    }
  }

  fileprivate func becomeSequence() {
    if kind != .sequence {
      kind = .sequence
      items = []
    }
  }

  fileprivate func becomeScalar() { kind = .scalar }

  /// A new shape under `key`, replacing any earlier one.
  fileprivate func addChild(_ key: String) -> KeyShape {
    let child = KeyShape()
    if children.updateValue(child, forKey: key) == nil { keys.append(key) }
    return child
  }

  fileprivate func addItem() -> KeyShape {
    let item = KeyShape()
    items.append(item)
    return item
  }
}

/// Encodes a value into a ``KeyShape``. Scalars are recorded as scalars whatever their value;
/// `URL`, which a YAML encoder writes as one string, counts as a scalar too.
private struct KeyShapeEncoder: Encoder {
  let shape: KeyShape
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    shape.becomeMapping()
    return KeyedEncodingContainer(KeyedShapeContainer<Key>(shape: shape, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    shape.becomeSequence()
    return UnkeyedShapeContainer(shape: shape, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleShapeContainer(shape: shape, codingPath: codingPath)
  }

  static func encode<T: Encodable>(_ value: T, into shape: KeyShape, at codingPath: [any CodingKey])
    throws
  {
    if value is URL {
      shape.becomeScalar()
    } else {
      try value.encode(to: KeyShapeEncoder(shape: shape, codingPath: codingPath))
    }
  }
}

private struct ShapeIndexKey: CodingKey {
  var stringValue: String { "Index \(intValue ?? 0)" }
  var intValue: Int?
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedShapeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let shape: KeyShape
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws { shape.addChild(key.stringValue).becomeScalar() }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: Int8, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: Int16, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: UInt, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: UInt8, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    shape.addChild(key.stringValue).becomeScalar()
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try KeyShapeEncoder.encode(value, into: shape.addChild(key.stringValue), at: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  )
    -> KeyedEncodingContainer<NestedKey>
  {
    KeyShapeEncoder(shape: shape.addChild(key.stringValue), codingPath: codingPath + [key])
      .container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    KeyShapeEncoder(shape: shape.addChild(key.stringValue), codingPath: codingPath + [key])
      .unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    KeyShapeEncoder(shape: shape.addChild("super"), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    KeyShapeEncoder(shape: shape.addChild(key.stringValue), codingPath: codingPath + [key])
  }
}

private struct UnkeyedShapeContainer: UnkeyedEncodingContainer {
  let shape: KeyShape
  let codingPath: [any CodingKey]
  var count: Int { shape.items.count }

  private var nextKey: ShapeIndexKey { ShapeIndexKey(count) }

  mutating func encodeNil() throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: Bool) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: String) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: Double) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: Float) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: Int) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: Int8) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: Int16) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: Int32) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: Int64) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: UInt) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: UInt8) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: UInt16) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: UInt32) throws { shape.addItem().becomeScalar() }
  mutating func encode(_ value: UInt64) throws { shape.addItem().becomeScalar() }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let key = nextKey
    try KeyShapeEncoder.encode(value, into: shape.addItem(), at: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let key = nextKey
    return KeyShapeEncoder(shape: shape.addItem(), codingPath: codingPath + [key]).container(
      keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let key = nextKey
    return KeyShapeEncoder(shape: shape.addItem(), codingPath: codingPath + [key])
      .unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let key = nextKey
    return KeyShapeEncoder(shape: shape.addItem(), codingPath: codingPath + [key])
  }
}

private struct SingleShapeContainer: SingleValueEncodingContainer {
  let shape: KeyShape
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { shape.becomeScalar() }
  mutating func encode(_ value: Bool) throws { shape.becomeScalar() }
  mutating func encode(_ value: String) throws { shape.becomeScalar() }
  mutating func encode(_ value: Double) throws { shape.becomeScalar() }
  mutating func encode(_ value: Float) throws { shape.becomeScalar() }
  mutating func encode(_ value: Int) throws { shape.becomeScalar() }
  mutating func encode(_ value: Int8) throws { shape.becomeScalar() }
  mutating func encode(_ value: Int16) throws { shape.becomeScalar() }
  mutating func encode(_ value: Int32) throws { shape.becomeScalar() }
  mutating func encode(_ value: Int64) throws { shape.becomeScalar() }
  mutating func encode(_ value: UInt) throws { shape.becomeScalar() }
  mutating func encode(_ value: UInt8) throws { shape.becomeScalar() }
  mutating func encode(_ value: UInt16) throws { shape.becomeScalar() }
  mutating func encode(_ value: UInt32) throws { shape.becomeScalar() }
  mutating func encode(_ value: UInt64) throws { shape.becomeScalar() }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try KeyShapeEncoder.encode(value, into: shape, at: codingPath)
  }
}
