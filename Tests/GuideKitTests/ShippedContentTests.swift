import Foundation
import Testing

@testable import GuideKit

/// The content that ships in `Content/` must always lint clean, so broken content cannot land.
@Suite struct ShippedContentTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Content").path

  @Test func everyGuideLoadsAndLintIsClean() throws {
    let loaded = try ContentLoader.load(directory: Self.directory)
    let findings = Linter(strict: true).lint(loaded)
    #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    #expect(loaded.library.guides.count >= 2)
  }

  @Test func everyGuideHasTheSectionsReadersExpect() throws {
    let loaded = try ContentLoader.load(directory: Self.directory)
    for guide in loaded.library.guides {
      #expect(guide.body.faq.count >= 3, "\(guide.id) has too short a FAQ")
      #expect(!guide.body.commandBlocks.isEmpty, "\(guide.id) has no diagnostic commands")
      #expect(guide.frontMatter.errors.contains { $0.side == .broker } || guide.id == "econnrefused",
        "\(guide.id) lists no broker-side line")
      #expect(guide.frontMatter.errors.contains { $0.side == .client }, "\(guide.id) lists no client-side form")
      for cause in guide.frontMatter.causes {
        #expect(guide.explanation(of: cause)?.isEmpty == false, "\(guide.id): \(cause.id) is not explained")
      }
    }
  }
}
