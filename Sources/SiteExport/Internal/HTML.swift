/// HTML written in Swift the way a template writes it: the literal parts as they are, every
/// interpolated text escaped (``HTMLText/escape(_:)``, the templates' `{{value}}`), and HTML
/// this module made inserted only when marked `raw:` (the templates' `{{{value}}}`).
///
/// Pages with many repeated parts (a guide's messages, checks and sources) are written with it
/// rather than through Mustache, whose dynamic look-ups cost more than the rest of the page.
struct HTML: ExpressibleByStringInterpolation {
  /// The HTML.
  var text: String

  /// HTML made elsewhere in this module, as it is.
  init(text: String) { self.text = text }

  init(stringLiteral value: String) { text = value }

  init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

  /// Literal parts as they are, interpolated text escaped.
  struct Interpolation: StringInterpolationProtocol {
    var text = ""

    init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    mutating func appendLiteral(_ literal: String) { text += literal }

    /// Text, escaped.
    mutating func appendInterpolation(_ value: String) { text += HTMLText.escape(value) }

    /// HTML this module made, as it is.
    mutating func appendInterpolation(raw html: String) { text += html }

    /// HTML written with this type, as it is.
    mutating func appendInterpolation(_ html: HTML) { text += html.text }
  }
}

/// A page's HTML, appended part by part.
struct HTMLWriter {
  private(set) var text = ""

  init(capacity: Int = 0) { text.reserveCapacity(capacity) }

  /// Appends `html`.
  mutating func write(_ html: HTML) { text += html.text }

  /// Appends `html` when `condition` holds.
  mutating func write(if condition: Bool, _ html: @autoclosure () -> HTML) {
    if condition { text += html().text }
  }
}
