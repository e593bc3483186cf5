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
    "inequivalent-arg", "not-found", "resource-locked", "channel-access-refused",
    "delivery-ack-timeout",
    "unknown-delivery-tag", "frame-error", "channel-closed", "connection-closed-no-reason",
    "connect-timeout",
    "client-threading", "client-recovery", "cluster-formation", "upgrade-feature-flags",
  ]

  static func guides() throws -> [Guide] {
    try ContentLoader.load(directory: repository.appendingPathComponent("Content").path).library
      .guides
  }

  @Test func aCapturedLineIsInItsCaptureWordForWord() throws {
    var checked = 0
    for guide in try Self.guides() {
      for signature in guide.frontMatter.errors {
        guard let origin = signature.origin, origin.hasPrefix("capture:") else { continue }
        let path = origin.dropFirst("capture:".count).trimmingCharacters(in: .whitespaces)
        let file = Self.repository.appendingPathComponent("Tests/Fixtures").appendingPathComponent(
          path)
        let data = try #require(
          FileManager.default.contents(atPath: file.path), "\(guide.id): no capture \(path)")
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

  /// A broker log line a newer guide's body quotes (a line that starts with its timestamp) is a
  /// line of one of the captures, word for word: no log excerpt is made up.
  @Test func aLogLineQuotedInTheBodyIsInACapture() throws {
    let folder = Self.repository.appendingPathComponent("Tests/Fixtures/captures")
    let captures = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(
        separator: "\n")
    var quoted = 0
    for guide in try Self.guides() where Self.withOrigins.contains(guide.id) {
      for line in try String(contentsOfFile: guide.path, encoding: .utf8).split(separator: "\n")
      where line.wholeMatch(of: /20\d\d-\d\d-\d\d \d\d:.*/) != nil {
        quoted += 1
        #expect(captures.contains(line), "\(guide.id) quotes a log line no capture has: \(line)")
      }
    }
    let newer = try Self.guides().filter { Self.withOrigins.contains($0.id) }
    #expect(quoted > 0 || newer.isEmpty)
  }
}
