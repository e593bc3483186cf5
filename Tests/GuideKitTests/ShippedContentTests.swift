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
    // Strict: the family is complete, so every related link must resolve.
    let findings = Linter(strict: true).lint(loaded)
    #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    #expect(loaded.library.guides.count >= 10)
  }

  /// Errors seen from one side only: a refused connect never reaches the broker, and when the
  /// client itself drops the socket it is the broker alone that logs anything.
  static let oneSided: [String: Side] = [
    "econnrefused": .client, "connection-closed-abruptly": .broker,
    // What the clients see during an alarm; the broker's lines belong to the alarms' guides.
    "publishers-blocked": .client,
    // A node that does not boot and a process that crashes inside the broker: only the node (its
    // log, its console, its crash dump) says anything; the clients' side of a crash is
    // internal-error's 541.
    "node-startup-failure": .broker, "crash-report": .broker,
    // A connection request nobody answered never reaches a node, and a close without a reason is
    // the client's view: the broker's lines, when there are any, belong to the guide of the reason.
    "connect-timeout": .client, "connection-closed-no-reason": .client,
  ]

  @Test func everyGuideHasTheSectionsReadersExpect() throws {
    let loaded = try ContentLoader.load(directory: Self.directory)
    for guide in loaded.library.guides {
      #expect(guide.body.faq.count >= 3, "\(guide.id) has too short a FAQ")
      #expect(!guide.body.commandBlocks.isEmpty, "\(guide.id) has no diagnostic commands")
      for side in [Side.broker, .client] where (Self.oneSided[guide.id] ?? side) == side {
        #expect(
          guide.frontMatter.errors.contains { $0.side == side },
          "\(guide.id) lists no \(side) error")
      }
      for cause in guide.frontMatter.causes {
        #expect(
          guide.explanation(of: cause)?.isEmpty == false,
          "\(guide.id): \(cause.id) is not explained")
      }
    }
  }
}
