import ErrorSearch
import Foundation

extension SearchDataJSON {
  /// The documents as `JSONEncoder` writes them inside an array (without the brackets), written
  /// directly: their fields are integers, booleans, and texts (``JSONBytes/appendString(_:)``).
  static func documentsJSON(_ documents: ArraySlice<BrowserSearchData.Document>) -> [UInt8] {
    var out = JSONBytes()
    for (index, document) in zip(documents.indices, documents) {
      if index != documents.startIndex { out.append(",") }
      out.append("{\"followOn\":")
      out.append(document.followOn ? "true" : "false")
      out.append(",\"id\":")
      out.appendString(document.id)
      out.append(",\"idRank\":")
      out.append(String(document.idRank))
      out.append(",\"length\":")
      out.append(String(document.length))
      out.append(",\"terms\":[")
      for (number, term) in document.terms.enumerated() {
        if number != 0 { out.append(",") }
        out.appendIntegers(term)
      }
      out.append("],\"title\":")
      out.appendString(document.title)
      out.append("}")
    }
    return out.bytes
  }

  /// The messages as `JSONEncoder` writes them inside an array (without the brackets). Their
  /// weights are written by `JSONEncoder` itself, all at once as one array cut at its commas
  /// (a number holds no comma), so that every number is written exactly as it would be.
  static func signaturesJSON(_ signatures: ArraySlice<BrowserSearchData.Signature>) throws
    -> [UInt8]
  {
    let weights = try encoder().encode(signatures.map(\.totalWeight))
    let numbers = weights.dropFirst().dropLast().split(separator: UInt8(ascii: ","))
    guard numbers.count == signatures.count else {
      throw EncodingError.invalidValue(
        weights, .init(codingPath: [], debugDescription: "the weights did not encode one by one"))
    }
    var out = JSONBytes()
    for (signature, weight) in zip(signatures, numbers) {
      if !out.bytes.isEmpty { out.append(",") }
      out.append("{\"document\":")
      out.append(String(signature.document))
      out.append(",\"text\":")
      out.appendString(signature.text)
      out.append(",\"totalWeight\":")
      out.bytes.append(contentsOf: weight)
      out.append(",\"words\":")
      out.appendIntegers(signature.words)
      out.append("}")
    }
    return out.bytes
  }
}

/// JSON text written as `JSONEncoder` writes it with `.withoutEscapingSlashes` and no
/// indentation.
struct JSONBytes {
  /// The text so far, in UTF-8.
  var bytes: [UInt8] = []

  /// Appends `text` as it is (punctuation, keys, numbers).
  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends `[1,2,3]`.
  mutating func appendIntegers(_ values: [Int]) {
    append("[")
    for (index, value) in values.enumerated() {
      if index != 0 { append(",") }
      append(String(value))
    }
    append("]")
  }

  /// Appends `text` as a JSON string. Printable ASCII is written here, with `"` and `\`
  /// escaped by a backslash as `JSONEncoder` does; a text with any other byte (a control
  /// character, DEL, anything beyond ASCII) is written by `JSONEncoder` itself.
  mutating func appendString(_ text: String) {
    let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    guard plain else {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      if let encoded = try? encoder.encode(text) {
        bytes.append(contentsOf: encoded)
        return
      }
      // Unreachable: any text encodes. Written the plain way rather than failing.
      return appendEscaped(text)
    }
    appendEscaped(text)
  }

  private mutating func appendEscaped(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        bytes.append(UInt8(ascii: "\\"))
      }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
