import Foundation
import Testing

@testable import GuideKit

/// Where each quoted line of the shipped guides comes from: a line taken from a capture is in
/// that capture, word for word, and every guide of the newer families says where each line is from.
@Suite struct ErrorOriginTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The guides written since origins were introduced: each of their lines names its origin.
  static let withOrigins: Set<String> = [
    "inequivalent-arg", "not-found", "resource-locked", "channel-access-refused", "delivery-ack-timeout",
    "unknown-delivery-tag", "frame-error", "channel-closed",
  ]

  static func guides() throws -> [Guide] {
    try ContentLoader.load(directory: repository.appendingPathComponent("Content").path).library.guides
  }

  @Test func aCapturedLineIsInItsCaptureWordForWord() throws {
    var checked = 0
    for guide in try Self.guides() {
      for signature in guide.frontMatter.errors {
        guard let origin = signature.origin, origin.hasPrefix("capture:") else { continue }
        let path = origin.dropFirst("capture:".count).trimmingCharacters(in: .whitespaces)
        let file = Self.repository.appendingPathComponent("Tests/Fixtures").appendingPathComponent(path)
        let data = try #require(FileManager.default.contents(atPath: file.path), "\(guide.id): no capture \(path)")
        #expect(
          String(decoding: data, as: UTF8.self).contains(signature.text),
          "\(guide.id): '\(signature.text)' is not in \(path)")
        checked += 1
      }
    }
    let newer = try Self.guides().filter { Self.withOrigins.contains($0.id) }
    #expect(checked > 0 || newer.isEmpty)
  }

  @Test func everyLineOfTheNewerGuidesSaysWhereItIsFrom() throws {
    for guide in try Self.guides() where Self.withOrigins.contains(guide.id) {
      for signature in guide.frontMatter.errors {
        #expect(signature.origin != nil, "\(guide.id): '\(signature.text)' has no origin")
      }
    }
  }
}
