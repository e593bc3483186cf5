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
    var json = [UInt8](try encoder().encode(rest))
    // Both places are found in the short JSON of the rest (searching the long one took half a
    // second); the later key is filled first, so that the earlier one's place still holds.
    let documents = try place(of: "documents", in: json)
    let signatures = try place(of: "signatures", in: json)
    let filled = [
      (documents, try encodedInSlices(data.documents) { documentsJSON($0) }),
      (signatures, try encodedInSlices(data.signatures, encode: signaturesJSON)),
    ]
    for (range, items) in filled.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
      guard let items else { continue }
      json.replaceSubrange(range, with: items)
    }
    return String(decoding: json, as: UTF8.self)
  }

  /// The encoder of the rest, and of the numbers the direct writing leaves to it.
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Where the empty array of `key` is in `json`: the bytes between the brackets of
  /// `"key":[]`. The key is one of the top-level object's, and a string value cannot hold
  /// `"key":[]` (its quotes would be escaped).
  private static func place(of key: String, in json: [UInt8]) throws -> Range<Int> {
    let marker = Array("\"\(key)\":[]".utf8)
    guard json.count >= marker.count,
      let start = (0...(json.count - marker.count)).first(where: { start in
        json[start..<(start + marker.count)].elementsEqual(marker)
      })
    else {
      throw EncodingError.invalidValue(
        key, .init(codingPath: [], debugDescription: "no \"\(key)\":[] in the JSON"))
    }
    return (start + marker.count - 1)..<(start + marker.count - 1)
  }

  /// `items` written by `encode` a slice at a time on every core, each slice's items without
  /// the brackets, joined with commas; `nil` for no items.
  private static func encodedInSlices<Item>(
    _ items: [Item], encode: (ArraySlice<Item>) throws -> [UInt8]
  ) throws -> [UInt8]? {
    guard !items.isEmpty else { return nil }
    let sliceCount = min(items.count, 4 * ProcessInfo.processInfo.activeProcessorCount)
    let bounds = (0..<sliceCount).map { slice in
      (items.count * slice / sliceCount)..<(items.count * (slice + 1) / sliceCount)
    }
    let encoded = try bounds.concurrentMapThrowing({ range throws(any Error) -> [UInt8] in
      try encode(items[range])
    })
    var joined: [UInt8] = []
    joined.reserveCapacity(encoded.reduce(encoded.count) { $0 + $1.count })
    for (index, slice) in encoded.enumerated() {
      if index != 0 { joined.append(UInt8(ascii: ",")) }
      joined.append(contentsOf: slice)
    }
    return joined
  }
}
