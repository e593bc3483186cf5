import ErrorSearch
import Foundation
import _Parallel

/// The search index as JSON, with sorted keys and unescaped slashes, encoded on every core.
///
/// `JSONEncoder` writes a nested value the same whether it stands alone or inside another
/// (there is no indentation), so the two long arrays, the documents and their messages, are
/// written in slices at once and put in place of the empty arrays of the rest: the bytes are
/// those of encoding the whole value in one go. The two arrays are written directly
/// (`SearchDataJSON+Items.swift`), as `JSONEncoder` writes them: it took most of the index's
/// time on their nested arrays of integers.
enum SearchDataJSON {
  static func encode(_ data: BrowserSearchData) throws -> String {
    var rest = data
    rest.documents = []
    rest.signatures = []
    var json = String(decoding: try encoder().encode(rest), as: UTF8.self)
    try splice(data.documents, as: "documents", into: &json) { documentsJSON($0) }
    try splice(data.signatures, as: "signatures", into: &json, encode: signaturesJSON)
    return json
  }

  /// The encoder of the rest, and of the numbers the direct writing leaves to it.
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Replaces `"key":[]` in `json` with `items` written by `encode`, a slice at a time, each
  /// slice's items without the brackets. The key is one of the top-level object's, and a
  /// string value cannot hold `"key":[]` (its quotes would be escaped).
  private static func splice<Item>(
    _ items: [Item], as key: String, into json: inout String,
    encode: (ArraySlice<Item>) throws -> [UInt8]
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
    let encoded = try bounds.concurrentMapThrowing({ range throws(any Error) -> [UInt8] in
      try encode(items[range])
    })
    var spliced = Array("\"\(key)\":[".utf8)
    for (index, slice) in encoded.enumerated() {
      if index != 0 { spliced.append(UInt8(ascii: ",")) }
      spliced.append(contentsOf: slice)
    }
    spliced.append(UInt8(ascii: "]"))
    json.replaceSubrange(place, with: String(decoding: spliced, as: UTF8.self))
  }
}
