/// `sitemap.xml`: every page's address under the base URL.
enum Sitemap {
  static func xml(paths: [String], baseURL: String) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for path in paths.sorted() {
      out += "  <url><loc>\(escape(baseURL + path))</loc></url>\n"
    }
    return out + "</urlset>\n"
  }

  /// XML text escaping of `& < > " '`.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default: out.append(character)
      }
    }
    return out
  }
}
