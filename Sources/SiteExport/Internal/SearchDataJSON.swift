import ErrorSearch
import Foundation
import _Parallel

/// The search index as JSON, with sorted keys and unescaped slashes, encoded on every core.
///
/// `JSONEncoder` writes a nested value the same whether it stands alone or inside another
/// (there is no indentation), so the two long arrays, the documents and their messages, are
/// encoded in slices at once and put in place of the empty arrays of the rest: the bytes are
/// those of encoding the whole value in one go.
enum SearchDataJSON {
  static func encode(_ data: BrowserSearchData) throws -> String {
    var rest = data
    rest.documents = []
    rest.signatures = []
    var json = String(decoding: try encoder().encode(rest), as: UTF8.self)
    try splice(data.documents, as: "documents", into: &json)
    try splice(data.signatures, as: "signatures", into: &json)
    return json
  }

  private static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Replaces `"key":[]` in `json` with `items` encoded. The key is one of the top-level
  /// object's, and a string value cannot hold `"key":[]` (its quotes would be escaped).
  private static func splice<Item: Encodable>(
    _ items: [Item], as key: String, into json: inout String
  )
    throws
  {
    guard !items.isEmpty else { return }
    let marker = "\"\(key)\":[]"
    guard let place = json.utf8.firstRange(of: marker.utf8) else {
      throw EncodingError.invalidValue(
        key, .init(codingPath: [], debugDescription: "no \(marker) in the JSON"))
    }
    let sliceCount = min(items.count, 4 * ProcessInfo.processInfo.activeProcessorCount)
    let bounds = (0..<sliceCount).map { slice in
      (items.count * slice / sliceCount)..<(items.count * (slice + 1) / sliceCount)
    }
    let encoded = try bounds.concurrentMapThrowing({ range throws(any Error) -> String in
      let text = String(decoding: try encoder().encode(Array(items[range])), as: UTF8.self)
      return String(text.dropFirst().dropLast())  // without the brackets
    })
    json.replaceSubrange(place, with: "\"\(key)\":[" + encoded.joined(separator: ",") + "]")
  }
}
