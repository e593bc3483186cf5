import Mustache

extension PageRenderer {
  /// The name under which ``HTMLEscaping`` is registered with swift-mustache, and the pragma
  /// that every template is registered with so that its `{{value}}`s are escaped by it.
  static let contentTypeName = "RMQ_DOCTOR_HTML"

  /// The pragma put before every template. It stands on a line of its own, which the parser
  /// removes with its line break, so the template renders as it did without it.
  static let contentTypePragma = "{{% CONTENT_TYPE: \(contentTypeName)}}\n"
}

/// swift-mustache's HTML escaping, with the same output, made cheaper: a text with none of
/// `< > & " '` is returned as it is, an ASCII text is escaped byte by byte, and any other text
/// character by character as swift-mustache does it.
///
/// swift-mustache compares every `Character` of every value with a dictionary of the five; the
/// pages' values (titles, messages, summaries, ids) made a tenth of the export's time.
struct HTMLEscaping: MustacheContentType {
  /// Escapes `text` as swift-mustache's HTML content type does.
  func escapeText(_ text: String) -> String {
    switch text.utf8.withContiguousStorageIfAvailable(Self.escapeASCII) ?? .byCharacter {
    case .unchanged: text
    case .escaped(let escaped): escaped
    case .byCharacter: Self.escapeCharacters(text)
    }
  }

  /// What ``escapeASCII(_:)`` made of a text's bytes.
  private enum Outcome {
    /// Nothing to escape.
    case unchanged
    /// The escaped text of an ASCII text.
    case escaped(String)
    /// Not ASCII: escaped character by character.
    case byCharacter
  }

  private static func escapeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
    guard let first = bytes.firstIndex(where: isEscaped) else { return .unchanged }
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return .byCharacter }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    out.append(contentsOf: bytes[..<first])
    for byte in bytes[first...] {
      switch byte {
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
      default: out.append(byte)
      }
    }
    return .escaped(String(decoding: out, as: UTF8.self))
  }

  private static func isEscaped(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
  }

  /// swift-mustache's own way: a character that is one of the five, alone (not combined with a
  /// following mark into one character), is replaced.
  private static func escapeCharacters(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
