import Foundation

/// Text made safe for HTML this module writes by hand (the navigation, heading anchors), with
/// the same escaping as the Mustache templates.
enum HTMLText {
  /// `text` with `& < > " '` escaped, for element content and quoted attribute values.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
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
  static func plainText(ofHTML html: String) -> String {
    var text = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
      of: "&gt;", with: ">"
    )
    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
    .replacingOccurrences(of: "&amp;", with: "&")
  }
}
