import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `rmq-doctor export html` killed with SIGKILL at any moment: the folder holds either the
/// earlier site or the new one, complete either way, with the file someone added; the next
/// export cleans up what the killed one left and succeeds.
@Suite struct ExportKillTests {
  /// Each file the marker lists is there with its recorded SHA-256 (checked with sha256sum).
  static func isComplete(_ site: String) throws -> Bool {
    guard let data = FileManager.default.contents(atPath: site + "/.rmq-doctor-export"),
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let files = object["files"] as? [String: String], !files.isEmpty
    else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.currentDirectoryURL = URL(fileURLWithPath: site)
    process.arguments = files.keys.sorted()
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let found = Dictionary(
      text.split(separator: "\n").map { line in
        let parts = line.split(separator: " ", maxSplits: 1)
        return (String(parts[1].drop { $0 == " " || $0 == "*" }), String(parts[0]))
      }, uniquingKeysWith: { first, _ in first })
    return process.terminationStatus == 0 && found == files
  }

  @Test func aKilledExportLeavesAWholeSite() throws {
    let parent = try ExportCommandTests.temporaryDirectory()
    let out = parent + "/site"
    #expect(
      try Binary.run(["export", "html", out, "--content", Binary.shippedContent]).status == 0)
    try "docs.example.org\n".write(toFile: out + "/CNAME", atomically: true, encoding: .utf8)
    // Kill it at moments spread over a run (an export of the shipped guides takes about a
    // second here): before the build, during the writing, around the renames.
    for delay in [0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Binary.path)
      process.arguments = [
        "export", "html", out, "--content", Binary.shippedContent, "--title", "Run \(delay)",
      ]
      process.environment = Binary.environment([:])
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(try Self.isComplete(out), "after a kill at \(delay) s the site is not whole")
      #expect(
        FileManager.default.contents(atPath: out + "/CNAME") == Data("docs.example.org\n".utf8))
    }
    let run = try Binary.run(["export", "html", out, "--content", Binary.shippedContent])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Self.isComplete(out))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"],
      "the killed exports' folders remain")
  }
}
