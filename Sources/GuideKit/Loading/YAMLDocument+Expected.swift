import Foundation
import Yams

extension YAMLDocument {
  /// What the schema wants where decoding `T` failed with `type`, in words: `a string`,
  /// `a number`, `a list`, `a mapping`, `true or false`, `one of: ...`.
  ///
  /// The decoder says only "a scalar" when it meets a mapping or a list where a single value
  /// belongs; the single value's type is then found by decoding again with a placeholder
  /// there (see ``expectedScalar(_:at:)``).
  func expected<T: Decodable>(_ type: Any.Type, decoding: T.Type, at path: [YAMLPathComponent])
    -> String
  {
    type == Node.Scalar.self ? expectedScalar(T.self, at: path) : Self.expectedName(type)
  }

  /// The single value `T` wants at `path`: the decoder is run on a copy of the document with
  /// a placeholder string there, and says what it makes of it. A string is accepted as it is;
  /// a number, a boolean or a URL is refused with its type; a closed set of values is refused
  /// as invalid.
  func expectedScalar<T: Decodable>(_ type: T.Type, at path: [YAMLPathComponent]) -> String {
    let probe = Self.replacing(path[...], in: root, with: Node("\u{1}"))
    do {
      _ = try YAMLDecoder().decode(T.self, from: probe)
    } catch DecodingError.typeMismatch(let type, let context)
      where Self.components(context.codingPath) == path
    {
      return Self.expectedName(type)
    } catch DecodingError.dataCorrupted(let context)
      where Self.components(context.codingPath) == path
    {
      guard let allowed = Self.allowedValues[Self.name(path)] else { return "a valid value" }
      return "one of: \(allowed.joined(separator: ", "))"
    } catch {}
    return "a string"
  }

  static func expectedName(_ type: Any.Type) -> String {
    if type == Node.Mapping.self { return "a mapping" }
    if type == Node.Sequence.self { return "a list" }
    if type == String.self || type == Substring.self { return "a string" }
    if type == Bool.self { return "true or false" }
    if type == URL.self { return "a URL" }
    if type is any BinaryInteger.Type || type is any BinaryFloatingPoint.Type { return "a number" }
    let name = String(describing: type)
    if name.contains("Array") || name.contains("Sequence") { return "a list" }
    if name.contains("Dictionary") || name.contains("Mapping") { return "a mapping" }
    return "a single value"
  }

  /// `node` with the value at `path` replaced by `replacement`.
  private static func replacing(
    _ path: ArraySlice<YAMLPathComponent>, in node: Node, with replacement: Node
  )
    -> Node
  {
    guard let first = path.first else { return replacement }
    switch (node, first) {
    case (.mapping(var mapping), .key(let key)):
      guard let child = mapping[key] else { return node }
      mapping[key] = replacing(path.dropFirst(), in: child, with: replacement)
      return .mapping(mapping)
    case (.sequence(var sequence), .index(let index)) where sequence.indices.contains(index):
      sequence[index] = replacing(path.dropFirst(), in: sequence[index], with: replacement)
      return .sequence(sequence)
    default:
      return node
    }
  }
}
