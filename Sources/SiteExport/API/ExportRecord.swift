import Crypto
import Foundation

/// What the marker of an export records: every file it wrote, by path, with the SHA-256 of its
/// contents. The next export replaces exactly those files (when they are as written), keeps
/// every other file in the folder, and recognises a marker copied into a folder it did not
/// write. Written with sorted keys and nothing variable, so that the same site gives the same
/// bytes.
public struct ExportRecord: Codable, Sendable, Hashable {
  /// The marker format: 2 (format 1 was a line of text, without the files).
  public var format: Int
  /// Each written file's path below the site's root and the SHA-256 of its bytes, in hex.
  public var files: [String: String]

  /// A record of `files`.
  public init(files: [String: String]) {
    format = 2
    self.files = files
  }

  /// The SHA-256 of `bytes`, in lower-case hex.
  public static func hash(_ bytes: some DataProtocol) -> String {
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in SHA256.hash(data: bytes) {
      hex.append(hexDigits[Int(byte >> 4)])
      hex.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// The marker's bytes.
  func encoded() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data()
    return Array(data) + Array("\n".utf8)
  }

  /// The record in a marker's bytes; `nil` when they are not one.
  static func decode(_ data: Data) -> ExportRecord? {
    guard let record = try? JSONDecoder().decode(ExportRecord.self, from: data), record.format == 2
    else { return nil }
    return record
  }
}
