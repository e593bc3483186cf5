import Foundation
import Testing

/// A guide whose body nests 40,000 block quotes: every command names the guide in one line and
/// exits 1; none crashes.
@Suite struct DeepGuideTests {
  @Test func everyCommandNamesTheDeepGuide() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-deep-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.copyItem(atPath: Binary.fixtureContent, toPath: root.path)
    let alpha = root.appendingPathComponent("guides/alpha.md")
    var text = try String(contentsOf: alpha, encoding: .utf8)
    let marker = "## Exact error message\n"
    let range = try #require(text.range(of: marker))
    text.replaceSubrange(
      range, with: marker + "\n" + String(repeating: "> ", count: 40_000) + "deep\n\n")
    try text.write(to: alpha, atomically: true, encoding: .utf8)

    let lint = try Binary.run(["lint", "--content", root.path])
    #expect(lint.status == 1)
    #expect(
      lint.stdout.contains("alpha.md:") && lint.stdout.contains("levels deep"),
      "\(lint.stdout)\(lint.stderr)")
    for arguments in [
      ["list"], ["show", "beta"], ["search", "socket"], ["wizard", "beta", "--answers", "x=y"],
    ] {
      let run = try Binary.run(arguments + ["--content", root.path])
      #expect(run.status == 1, "\(arguments): \(run.status)")
      #expect(
        run.stderr.hasPrefix("Error: ") && run.stderr.contains("alpha.md:")
          && run.stderr.contains("levels deep"), "\(arguments): \(run.stderr)")
      #expect(!run.stderr.contains("Program crashed"))
    }
  }
}
