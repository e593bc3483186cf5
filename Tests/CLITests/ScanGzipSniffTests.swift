import Foundation
import TestSupport
import Testing

/// gzip is told by its first bytes, not by a file name: standard input and files of any name are
/// decompressed, and an empty `.gz` file is named as such.
@Suite struct ScanGzipSniffTests {
  static func gzipped() throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c", try Fixtures.path("broker-log-full.log")]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0 && data.count > 2 && data[0] == 0x1f)
    return data
  }

  static func counts(_ run: Binary.Run) throws -> [String: Int] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
      "\(run.stderr)")
    let guides = object["guides"] as? [[String: Any]] ?? []
    return Dictionary(
      uniqueKeysWithValues: guides.map { ($0["id"] as? String ?? "", $0["count"] as? Int ?? -1) })
  }

  @Test func gzipOnStandardInputIsDecompressed() throws {
    let plain = try Binary.run([
      "scan", "--json", try Fixtures.path("broker-log-full.log"), "--content",
      Binary.shippedContent,
    ])
    let piped = try Binary.run(
      ["scan", "--json", "-", "--content", Binary.shippedContent], stdin: try Self.gzipped())
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(try Self.counts(piped) == Self.counts(plain))
    #expect(try !Self.counts(piped).isEmpty)
  }

  @Test func aGzipFileOfAnyNameIsDecompressed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-sniff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let rotated = folder.appendingPathComponent("rabbit@host.log.1")
    try Self.gzipped().write(to: rotated)
    let plain = try Binary.run([
      "scan", "--json", try Fixtures.path("broker-log-full.log"), "--content",
      Binary.shippedContent,
    ])
    let run = try Binary.run(["scan", "--json", rotated.path, "--content", Binary.shippedContent])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Self.counts(run) == Self.counts(plain))
  }

  @Test func anEmptyGzFileIsNamedAsSuch() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-sniff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = folder.appendingPathComponent("rabbit.log.gz")
    FileManager.default.createFile(atPath: empty.path, contents: Data())
    let run = try Binary.run(["scan", empty.path, "--content", Binary.shippedContent])
    #expect(run.status == 1)
    #expect(run.stderr == "Error: \(empty.path): empty file, not gzip data\n", "\(run.stderr)")
    // An empty plain file is simply empty.
    let plainEmpty = folder.appendingPathComponent("rabbit.log")
    FileManager.default.createFile(atPath: plainEmpty.path, contents: Data())
    #expect(
      try Binary.run(["scan", plainEmpty.path, "--content", Binary.shippedContent]).status == 0)
  }
}
