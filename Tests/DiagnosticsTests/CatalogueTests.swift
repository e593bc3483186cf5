import Foundation
import GuideKit
import TestSupport
import Testing

@testable import Diagnostics

/// Every catalogue diagnostic against every real output: only declared facts, always with
/// evidence and source, and the fixtures folder read as a support bundle.
@Suite struct CatalogueTests {
  @Test func theCatalogueIsLoaded() {
    #expect(BrokerFixtures.catalogue.count >= 10)
  }

  @Test func everyDiagnosticYieldsOnlyDeclaredFactsOnEveryFixture() throws {
    let bundle = try EvidenceBundle(directory: BrokerFixtures.directory.path)
    try #require(
      bundle.fileNames.count > 50, "fixtures not found in \(BrokerFixtures.directory.path)")
    for command in BrokerFixtures.catalogue.values {
      let declared = Set(command.yields.map(\.fact))
      for file in bundle.fileNames {
        let reading = OutputReader.read(
          try BrokerFixtures.text(file), of: command, source: file,
          classifier: BrokerFixtures.classifier)
        for fact in reading.facts {
          #expect(declared.contains(fact.id), "\(command.id) on \(file) yields \(fact.id)")
          #expect(fact.source == "\(command.id):\(file)")
          #expect(!fact.evidence.isEmpty, "\(command.id) on \(file): \(fact.id) has no evidence")
          #expect(fact.evidence.count <= Evidence.lineLimit, "\(command.id) on \(file): \(fact.id)")
          #expect(!fact.evidence.joined().contains("\u{1B}"), "escape codes in \(fact.id)")
        }
        #expect(reading.facts.isEmpty || reading.problem == nil)
        #expect(Set(reading.facts.map(\.id)).count == reading.facts.count)
      }
    }
  }

  /// Every diagnostic has real output in one of the bundles: the connection family's captures,
  /// the channel state of `Tests/Fixtures/channel-bundle`, or the memory alarm of
  /// `Tests/Fixtures/alarm-bundle`.
  @Test func theFixtureFoldersWorkAsEvidenceBundles() throws {
    let bundles = try [
      BrokerFixtures.directory, Fixtures.folder.appendingPathComponent("channel-bundle"),
      Fixtures.folder.appendingPathComponent("alarm-bundle"),
      Fixtures.folder.appendingPathComponent("partition-bundle"),
      Fixtures.folder.appendingPathComponent("cli-cookie-bundle"),
      Fixtures.folder.appendingPathComponent("links-bundle"),
      Fixtures.folder.appendingPathComponent("api-bundle"),
    ]
    .map { try EvidenceBundle(directory: $0.path) }
    for command in BrokerFixtures.catalogue.values.sorted(by: { $0.id < $1.id }) {
      let bundle = bundles.first { !$0.files(for: command).isEmpty } ?? bundles[0]
      let files = bundle.files(for: command)
      #expect(!files.isEmpty, "no fixture matches \(command.evidence ?? []) for \(command.id)")
      let readings = bundle.readings(for: command, classifier: BrokerFixtures.classifier)
      #expect(readings.map(\.source) == files)
      #expect(readings.allSatisfy { $0.diagnostic == command.id })
      #expect(
        readings.contains { $0.problem == nil && !$0.facts.isEmpty },
        "\(command.id): no usable reading among \(files)")
    }
  }

  @Test func bundleReadingsMatchTheRealFiles() throws {
    let bundle = try EvidenceBundle(directory: BrokerFixtures.directory.path)
    let command = try BrokerFixtures.command("kernel-oom-kills")
    #expect(bundle.files(for: command) == ["dmesg-grep-oom-as-nobody.txt", "dmesg-grep-oom.txt"])
    let problems = bundle.readings(for: command, classifier: BrokerFixtures.classifier).map(
      \.problem)
    #expect(
      problems == [
        "permission denied: dmesg: read kernel buffer failed: Operation not permitted", nil,
      ])
    let sysctl = try BrokerFixtures.command("sysctl-tcp-timers")
    // Two patterns match the same file; it is read once.
    #expect(bundle.files(for: sysctl) == ["sysctl-keepalive.txt"])
  }
}
