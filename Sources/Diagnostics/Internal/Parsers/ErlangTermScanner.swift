import Foundation

/// Just enough of Erlang's term syntax to find an application's settings in
/// `rabbitmq-diagnostics environment` output: brackets are matched, and strings, quoted atoms
/// and characters (`$}`) are skipped, so a bracket inside them cannot end a term early.
enum ErlangTermScanner {
  /// The settings of `application` in `[{app,[{key,value},…]},…]`, as key and value text.
  static func settings(ofApplication application: String, in text: String) -> [String: String]? {
    let characters = Array(text)
    guard let list = applicationList(application, in: characters) else { return nil }
    var settings: [String: String] = [:]
    for element in split(list) {
      let term = Array(String(element).trimmingCharacters(in: .whitespacesAndNewlines))
      guard term.first == "{", term.last == "}" else { continue }
      let parts = split(Array(term.dropFirst().dropLast()))
      guard parts.count >= 2 else { continue }
      let value = parts.dropFirst().map { String($0) }.joined(separator: ",")
      settings[String(parts[0]).trimmingCharacters(in: .whitespacesAndNewlines)] =
        value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return settings
  }

  /// The inside of the list in `{application,[…]}`, the tuple being an element of the outer list.
  static func applicationList(_ application: String, in text: [Character]) -> [Character]? {
    let opening = Array("{\(application),")
    var depth = 0
    var index = 0
    while index < text.count {
      if let after = literalEnd(in: text, at: index) {
        index = after
        continue
      }
      if depth == 1, text[index...].starts(with: opening) {
        let afterKey = index + opening.count
        guard let start = text[afterKey...].firstIndex(where: { !$0.isWhitespace }),
          text[start] == "[", let end = matchingClose(in: text, from: start)
        else { return nil }
        return Array(text[(start + 1)..<end])
      }
      depth += bracketDepthChange(text[index])
      index += 1
    }
    return nil
  }

  /// The index of the bracket that closes the one at `start`.
  static func matchingClose(in text: [Character], from start: Int) -> Int? {
    var depth = 0
    var index = start
    while index < text.count {
      if let after = literalEnd(in: text, at: index) {
        index = after
        continue
      }
      depth += bracketDepthChange(text[index])
      if depth == 0 { return index }
      index += 1
    }
    return nil
  }

  /// `text` split at the commas that are outside any bracket, string or quoted atom.
  static func split(_ text: [Character]) -> [ArraySlice<Character>] {
    var parts: [ArraySlice<Character>] = []
    var depth = 0
    var start = 0
    var index = 0
    while index < text.count {
      if let after = literalEnd(in: text, at: index) {
        index = after
        continue
      }
      if text[index] == ",", depth == 0 {
        parts.append(text[start..<index])
        start = index + 1
      }
      depth += bracketDepthChange(text[index])
      index += 1
    }
    parts.append(text[start..<text.count])
    return parts
  }

  static func bracketDepthChange(_ character: Character) -> Int {
    switch character {
    case "[", "{": 1
    case "]", "}": -1
    default: 0
    }
  }

  /// When a string, quoted atom or `$c` character starts at `index`, the index just after it.
  static func literalEnd(in text: [Character], at index: Int) -> Int? {
    let character = text[index]
    if character == "$" {
      return min(index + (index + 1 < text.count && text[index + 1] == "\\" ? 3 : 2), text.count)
    }
    guard character == "\"" || character == "'" else { return nil }
    var cursor = index + 1
    while cursor < text.count, text[cursor] != character {
      cursor += text[cursor] == "\\" ? 2 : 1
    }
    return min(cursor + 1, text.count)
  }
}
