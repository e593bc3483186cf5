import Foundation
import GuideKit
import TestSupport
import Testing

/// `lint` on the shipped content plus one diagnostic per bypass: each is an error located on
/// its `argv`, with the same reason the runner gives.
@Suite struct LintBypassTests {
  @Test func lintRefusesEveryBypassOnTheShippedAllowList() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-lint-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.copyItem(at: Fixtures.content, to: root)
    let bypasses = ShippedAllowListTests.bypasses
    for (number, bypass) in bypasses.enumerated() {
      let id = "bypass-\(number)"
      let yaml = DiagnosticYAML.make(id: id, title: "Bypass \(number)", argv: bypass.argv)
      try yaml.write(
        to: root.appendingPathComponent("diagnostics/\(id).yaml"), atomically: true, encoding: .utf8
      )
    }
    let findings = Linter().lint(try ContentLoader.load(directory: root.path))
    for (number, bypass) in bypasses.enumerated() {
      let mine = findings.filter {
        $0.location.path.hasSuffix("/bypass-\(number).yaml") && $0.severity == .error
      }
      #expect(
        mine.contains { $0.message.contains(bypass.because) && $0.location.line == 4 },
        "\(bypass.argv): \(mine)")
    }
    let others = findings.filter { !$0.location.path.contains("/bypass-") && $0.severity == .error }
    #expect(others.isEmpty, "\(others)")
  }
}
