import Foundation

/// Reads content files as UTF-8 text, naming the place of the first bad byte.
enum TextFile {
  /// The text of the file at `path`, with its line endings made `\n` whatever they were
  /// (`\r\n` from Windows editors, a lone `\r` from old Mac ones): the line count, and so every
  /// reported line number, stays the same.
  static func read(_ path: String) throws(ContentError) -> String {
    let data = try contents(of: path)
    return try decode(data, path: path).withUnixLineEndings
  }

  /// `data` as UTF-8, or an error located at its first invalid byte.
  static func decode(_ data: Data, path: String) throws(ContentError) -> String {
    if let text = String(data: data, encoding: .utf8) { return text }
    let bytes = [UInt8](data)
    var validEnd = 0
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    decoding: while true {
      let before = offset
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += String(scalar).utf8.count
        validEnd = offset
      case .emptyInput:
        break decoding
      case .error:
        validEnd = before
        break decoding
      }
    }
    let prefix = bytes[..<validEnd]
    let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
    let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    let column = String(decoding: bytes[lineStart..<validEnd], as: UTF8.self).count + 1
    throw ContentError(.invalidUTF8, at: FileLocation(path: path, line: line, column: column))
  }
}
