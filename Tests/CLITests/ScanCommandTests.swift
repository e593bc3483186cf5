import Foundation
import Testing

/// `rmq-doctor scan` run as a user runs it: files, standard input, options, bad input.
@Suite struct ScanCommandTests {
  static let log = Binary.brokerFixtures + "/broker-log-full.log"

  static func json(_ run: Binary.Run) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
  }

  static func guideCounts(_ object: [String: Any]) -> [String: Int] {
    let guides = object["guides"] as? [[String: Any]] ?? []
    return Dictionary(
      uniqueKeysWithValues: guides.map { ($0["id"] as? String ?? "", $0["count"] as? Int ?? -1) })
  }

  @Test func jsonReportOfAFile() throws {
    let run = try Binary.run(["scan", "--json", Self.log])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let report = try Self.json(run)
    #expect(report["entries"] as? Int == 15)
    #expect(report["unclassified"] as? Int == 0)
    #expect(Self.guideCounts(report)["connection-closed-abruptly"] == 3)
    let files = report["files"] as? [[String: Any]]
    #expect(files?.first?["lines"] as? Int == 428)
  }

  @Test func standardInputGivesTheSameCounts() throws {
    let text = try Data(contentsOf: URL(fileURLWithPath: Self.log))
    let fromFile = try Self.json(try Binary.run(["scan", "--json", Self.log]))
    let fromDash = try Self.json(try Binary.run(["scan", "--json", "-"], stdin: text))
    let fromPipe = try Self.json(try Binary.run(["scan", "--json"], stdin: text))
    #expect(Self.guideCounts(fromDash) == Self.guideCounts(fromFile))
    #expect(Self.guideCounts(fromPipe) == Self.guideCounts(fromFile))
    #expect((fromPipe["files"] as? [[String: Any]])?.first?["path"] as? String == "-")
  }

  @Test func terminalViewHasBarsHoursAndTopValues() throws {
    let run = try Binary.run(["scan", Self.log])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("Scanned 1 file, 428 lines"))
    #expect(run.stdout.contains("Entries by guide"))
    #expect(run.stdout.contains("handshake-timeout"))
    #expect(run.stdout.contains("█"))
    #expect(run.stdout.contains("users: guest (3)"))
    #expect(run.stdout.contains("2026-11-23 04:00"))
  }

  @Test(arguments: [
    ("peer", "Entries by peer"), ("subnet", "Entries by client subnet"),
    ("user", "Entries by user"),
    ("vhost", "Entries by vhost"), ("hour", "Entries per hour (UTC)"),
  ])
  func groupings(by: String, title: String) throws {
    let run = try Binary.run(["scan", "--by", by, Self.log])
    #expect(run.status == 0)
    #expect(run.stdout.contains(title))
  }

  @Test func windowLeavesEntriesOut() throws {
    let all = try Self.json(try Binary.run(["scan", "--json", Self.log]))
    let late = try Self.json(
      try Binary.run(["scan", "--json", "--since", "2026-11-23T04:47:00Z", Self.log]))
    let early = try Self.json(
      try Binary.run(["scan", "--json", "--until", "2026-11-23T04:47:00Z", Self.log]))
    let total = all["entries"] as? Int ?? 0
    #expect((late["entries"] as? Int ?? 0) + (early["entries"] as? Int ?? 0) == total)
    #expect((late["entries"] as? Int ?? 0) > 0)
    #expect(late["outsideWindow"] as? Int == early["entries"] as? Int)
  }

  @Test func unreadableFilesAreNamedAndTheOthersStillScanned() throws {
    let run = try Binary.run(["scan", "--json", "/no/such/rabbit.log", Self.log])
    #expect(run.status == 1)
    Binary.expectOneLineError(run, containing: "/no/such/rabbit.log: No such file or directory")
    #expect(Self.guideCounts(try Self.json(run))["connection-closed-abruptly"] == 3)
  }

  @Test func damagedGzipIsOneLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-scan-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("rabbit.log.gz")
    try Data("this is not gzip\n".utf8).write(to: file)
    let run = try Binary.run(["scan", file.path])
    Binary.expectOneLineError(run, containing: "rabbit.log.gz: not valid gzip data after")
    #expect(run.stdout.contains("Not read to the end"))
  }

  @Test func badTimesAreUsageErrors() throws {
    let run = try Binary.run(["scan", "--since", "last tuesday", Self.log])
    Binary.expectOneLineError(run, containing: "--since: cannot read 'last tuesday' as a time")
    #expect(run.status == 2)
    let reversed = try Binary.run([
      "scan", "--since", "2026-11-24", "--until", "2026-11-23", Self.log,
    ])
    Binary.expectOneLineError(reversed, containing: "--since must be before --until")
    #expect(reversed.status == 2)
    let prefix = try Binary.run(["scan", "--ipv4-prefix", "40", Self.log])
    Binary.expectOneLineError(prefix, containing: "--ipv4-prefix must be 0 to 32")
  }

  /// ArgumentParser lists the allowed values on lines of their own; the tool prints one line.
  @Test func anUnknownGroupingIsOneLine() throws {
    let run = try Binary.run(["scan", "--by", "nonsense", Self.log])
    Binary.expectOneLineError(
      run, containing: "one of the following: guide, peer, subnet, user, vhost, hour")
    #expect(run.status == 2)
  }

  @Test func relativeSinceCountsBackFromNow() throws {
    // The fixture is from 2026-11-23; an age of 1 hour leaves it all out unless the clock is
    // within an hour of the capture.
    let run = try Binary.run(["scan", "--json", "--since", "1h", Self.log])
    #expect(run.status == 0)
    let report = try Self.json(run)
    #expect((report["entries"] as? Int ?? 0) + (report["outsideWindow"] as? Int ?? 0) == 15)
  }
}
