import Foundation

/// Text made safe for HTML this module writes by hand (the navigation, heading anchors), with
/// the same escaping as the Mustache templates.
enum HTMLText {
  /// `text` with `& < > " '` escaped, for element content and quoted attribute values:
  /// exactly what the templates' escaping (``HTMLEscaping``) writes.
  static func escape(_ text: String) -> String {
    HTMLEscaping().escapeText(text)
  }

  /// A fragment id made of `text`: lowercase ASCII letters and digits joined by single hyphens
  /// ("Why is there no econnreset?" → `why-is-there-no-econnreset`); `fallback` when nothing is
  /// left.
  static func slug(_ text: String, fallback: String = "section") -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in text.unicodeScalars {
      let lower = scalar.properties.lowercaseMapping
      if lower.count == 1, let first = lower.unicodeScalars.first, first.isASCII,
        ("a"..."z").contains(first) || ("0"..."9").contains(first)
      {
        if pendingHyphen && !out.isEmpty { out += "-" }
        pendingHyphen = false
        out.unicodeScalars.append(first)
      } else {
        pendingHyphen = true
      }
    }
    if out.count > 60 {
      out = String(out.prefix(60))
      while out.hasSuffix("-") { out.removeLast() }
    }
    return out.isEmpty ? fallback : out
  }

  /// The text of an HTML fragment cmark wrote: tags dropped, the entities cmark writes undone.
  ///
  /// Read as bytes: in cmark's output `<` and `>` only open and close tags (text has them as
  /// entities), and no byte of a character outside ASCII is either of them.
  static func plainText(ofHTML html: String) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(html.utf8.count)
    var inTag = false
    for byte in html.utf8 {
      if byte == UInt8(ascii: "<") {
        inTag = true
      } else if byte == UInt8(ascii: ">") {
        inTag = false
      } else if !inTag {
        text.append(byte)
      }
    }
    guard text.contains(UInt8(ascii: "&")) else { return String(decoding: text, as: UTF8.self) }
    return String(decoding: decodingEntities(text), as: UTF8.self)
  }

  /// The entities cmark writes (`&lt; &gt; &quot; &#39; &amp;`) undone in one pass from the
  /// left, which gives what undoing them one after the other, `&amp;` last, gave; any other
  /// `&` is kept as it is.
  private static func decodingEntities(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    outer: while index < bytes.count {
      if bytes[index] == UInt8(ascii: "&") {
        for entity in entities where bytes[index...].starts(with: entity.name) {
          out.append(entity.byte)
          index += entity.name.count
          continue outer
        }
      }
      out.append(bytes[index])
      index += 1
    }
    return out
  }

  private static let entities: [(name: [UInt8], byte: UInt8)] = [
    (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
    (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#39;".utf8), UInt8(ascii: "'")),
    (Array("&amp;".utf8), UInt8(ascii: "&")),
  ]
}
