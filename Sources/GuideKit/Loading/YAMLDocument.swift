import Foundation
import Yams

/// A step in a path through a YAML tree: a mapping key or a sequence index.
public enum YAMLPathComponent: Sendable, Hashable, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral
{
  case key(String)
  case index(Int)

  public init(stringLiteral value: String) { self = .key(value) }
  public init(integerLiteral value: Int) { self = .index(value) }
}

/// A YAML text composed once, decoded into a `Codable` type, and able to say where any value
/// stands in the file, so that every error can name its line and column.
///
/// `@unchecked Sendable`: Yams' `Node` is a tree of value types with no shared mutable state,
/// but does not declare `Sendable`; the document never mutates it after composing.
public struct YAMLDocument: @unchecked Sendable {
  /// The composed tree.
  let root: Node
  /// The file the YAML came from.
  public let path: String
  /// Lines before the YAML in its file (the `---` line of a front-matter).
  public let lineOffset: Int

  /// YAML 1.2 booleans: only `true` and `false`. Under YAML 1.1 rules `yes`, `no`, `on` and
  /// `off` would be booleans too, and answer ids such as `yes` could not be looked up.
  ///
  /// The first rule, ``plainText``, only saves time: it gives the tag every later rule would
  /// give (see there), with one regular expression instead of seven.
  static let resolver: Resolver = {
    let booleans = "^(?:true|True|TRUE|false|False|FALSE)$"
    guard let resolver = try? Resolver.default.replacing(.bool, with: booleans) else {
      return .default
    }
    guard let plainText = try? Resolver.Rule(.str, plainText) else { return resolver }
    return resolver.rules.reduce(Resolver.basic.appending(plainText)) { $0.appending($1) }
  }()

  /// Text that no rule of the resolver reads as anything but a string: it starts with an ASCII
  /// letter and is not a boolean or null spelling, or it starts with a character none of the
  /// rules can start with (a sign, a digit, `.`, `<`, `~`, `=`, a letter), that is not a line
  /// break or a space either (the null rule matches an empty text before a final line break).
  ///
  /// Yams resolves a plain scalar's tag by trying every rule's regular expression in turn until
  /// one matches, and does so for every key it looks up while decoding; most keys and values
  /// match none of them, so all seven ran. The words excluded are exactly those of the boolean
  /// rule above and of Yams' null rule, under the same anchors, so the tags are unchanged.
  static let plainText =
    "^(?:(?!(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$)[A-Za-z]"
    + "|[^-+0-9.<~=A-Za-z\\p{Cc}\\p{Z}])"

  /// Composes `text`; throws a located error for a syntax error or an empty document.
  public init(text: String, path: String, lineOffset: Int = 0) throws(ContentError) {
    self.path = path
    self.lineOffset = lineOffset
    let composed: Node?
    do {
      composed = try Yams.compose(yaml: text, Self.resolver)
    } catch let error as YamlError {
      throw Self.syntaxError(error, path: path, lineOffset: lineOffset)
    } catch {
      throw ContentError(
        .yamlSyntax(String(describing: error)), at: FileLocation(path: path, line: lineOffset + 1))
    }
    guard let composed else {
      throw ContentError(
        .schema("the YAML is empty"), at: FileLocation(path: path, line: lineOffset + 1))
    }
    self.root = composed
  }

  /// Decodes the document as `T`, rejecting keys `T` does not know.
  ///
  /// ``NodeDecoder`` decodes first; where it cannot promise Yams' result, or finds an error,
  /// Yams' decoder decodes again, so the value and every error are what Yams' decoder gives.
  public func decode<T: Codable>(_ type: T.Type) throws(ContentError) -> T {
    let value: T
    if let fast = try? NodeDecoder.decode(T.self, from: root) {
      value = fast
    } else {
      value = try decodeWithYams(T.self)
    }
    try rejectUnknownKeys(in: value)
    return value
  }

  /// Decodes the document as `T` with Yams' decoder.
  func decodeWithYams<T: Codable>(_ type: T.Type) throws(ContentError) -> T {
    let value: T
    do {
      value = try YAMLDecoder().decode(T.self, from: root)
    } catch let error as DecodingError {
      throw describe(error, decoding: T.self)
    } catch {
      throw ContentError(.schema(String(describing: error)), at: location(at: []))
    }
    return value
  }

  /// The location of the value at `path`, or of its deepest existing ancestor.
  public func location(at path: [YAMLPathComponent]) -> FileLocation {
    var node = root
    var best = root.mark
    for component in path {
      guard let child = Self.child(of: node, component) else { break }
      node = child
      if let mark = node.mark { best = mark }
    }
    return location(of: best)
  }

  /// The location of the key `key` in the mapping at `path` (the key itself, not its value).
  public func keyLocation(at path: [YAMLPathComponent], key: String) -> FileLocation {
    var node = root
    for component in path {
      guard let child = Self.child(of: node, component) else { return location(at: path) }
      node = child
    }
    let keyNode = node.mapping?.first { $0.key.string == key }?.key
    return location(of: keyNode?.mark ?? node.mark)
  }

  func location(of mark: Mark?) -> FileLocation {
    guard let mark else { return FileLocation(path: path, line: lineOffset + 1, column: 1) }
    return FileLocation(path: path, line: mark.line + lineOffset, column: mark.column)
  }

  static func child(of node: Node, _ component: YAMLPathComponent) -> Node? {
    switch component {
    case .key(let key): node.mapping?[key]
    case .index(let index):
      node.sequence.flatMap { index >= 0 && index < $0.count ? $0[index] : nil }
    }
  }

  private static func syntaxError(_ error: YamlError, path: String, lineOffset: Int)
    -> ContentError
  {
    func at(_ mark: Mark) -> FileLocation {
      FileLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\(problem) (\($0.text))" } ?? problem
      return ContentError(.yamlSyntax(detail), at: at(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return ContentError(.yamlSyntax("duplicate key \(keys) in a mapping"), at: at(context.mark))
    default:
      return ContentError(
        .yamlSyntax(String(describing: error)),
        at: FileLocation(path: path, line: lineOffset + 1))
    }
  }
}
