/// One exact argument vector a program may run with, program name first.
///
/// Each element is matched literally, except that the placeholder `{host}` inside an element
/// stands for a host name or an address: letters, digits, `.` and `-` (starting with a letter or
/// digit), or an IPv6 address in brackets. `openssl s_client -connect {host}:5671
/// -verify_return_error` admits `-connect localhost:5671` and `-connect [::1]:5671`, and nothing
/// with another option, another port or a shell character.
public struct ArgvShape: Sendable, Hashable, Codable {
  /// The elements, placeholders included.
  public var elements: [String]

  public init(_ elements: [String]) {
    self.elements = elements
  }

  public init(from decoder: any Decoder) throws {
    elements = try decoder.singleValueContainer().decode([String].self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(elements)
  }

  /// Whether `argv` is this shape.
  public func matches(_ argv: [String]) -> Bool {
    argv.count == elements.count && zip(elements, argv).allSatisfy(Self.matches)
  }

  static let placeholder = "{host}"

  static func matches(_ pattern: String, _ argument: String) -> Bool {
    guard let range = pattern.firstRange(of: placeholder) else { return pattern == argument }
    let prefix = pattern[..<range.lowerBound]
    let suffix = pattern[range.upperBound...]
    guard argument.hasPrefix(prefix), argument.hasSuffix(suffix),
      argument.count >= prefix.count + suffix.count
    else { return false }
    let host = argument.dropFirst(prefix.count).dropLast(suffix.count)
    return isHost(host)
  }

  static func isHost(_ host: Substring) -> Bool {
    if host.hasPrefix("["), host.hasSuffix("]"), host.count > 2 {
      return host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
    guard let first = host.first, first.isASCII, first.isLetter || first.isNumber else {
      return false
    }
    return host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
  }
}
