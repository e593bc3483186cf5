import Foundation
import LogScan
import TestSupport
import Testing

/// Inputs that must neither crash nor stop a scan: invalid UTF-8, huge lines, no newline,
/// compressed files, damaged compressed files, unreadable files.
@Suite struct RobustnessTests {
  static let entry = """
    2026-11-23 04:46:25.280625+00:00 [warning] <0.680.0> closing AMQP connection <0.680.0> (127.0.0.1:41836 -> 127.0.0.1:5672 - app-rst, vhost: '/', user: 'guest'):
    2026-11-23 04:46:25.280625+00:00 [warning] <0.680.0> client unexpectedly closed TCP connection

    """

  @Test func invalidUTF8IsReadAroundNotFailedOn() {
    var bytes = Array(Self.entry.utf8)
    bytes += [0xFF, 0xFE, 0xC3, 0x28, 0x0A]
    bytes +=
      Array("2026-11-23 04:47:00.000000+00:00 [error] <0.1.0> \u{FFFD} odd \u{0} bytes".utf8) + [
        0x80, 0x0A,
      ]
    bytes += Array(Self.entry.utf8)
    let report = ScanSupport.scan(bytes: bytes)
    #expect(report.guide("connection-closed-abruptly")?.count == 2)
    #expect(report.unclassified == 1)
  }

  @Test func aHugeLineIsCutAndTheNextLinesStillCount() {
    let huge =
      "2026-11-23 04:46:00.000000+00:00 [info] <0.1.0> " + String(repeating: "x", count: 10 << 20)
    let report = ScanSupport.scan(Self.entry + huge + "\n" + Self.entry)
    #expect(report.guide("connection-closed-abruptly")?.count == 2)
    #expect(report.files.first?.lines == 5)
  }

  @Test func aHugeErrorLineIsClassifiedFromItsStart() {
    let huge =
      "2026-11-23 04:46:00.000000+00:00 [error] <0.1.0> {inet_error,etimedout} "
      + String(repeating: "y", count: 5 << 20)
    let report = ScanSupport.scan(huge)
    #expect(report.guide("etimedout")?.count == 1)
    #expect((report.guide("etimedout")?.examples.first?.text.count ?? .max) <= 1_001)
  }

  @Test func noNewlineAtAll() {
    let report = ScanSupport.scan(String(repeating: "z", count: 9 << 20))
    #expect(report.entries == 0)
    #expect(report.files.first?.lines == 1)
  }

  @Test func emptyInput() {
    let report = ScanSupport.scan("")
    #expect(report.entries == 0)
    #expect(report.files.first?.lines == 0)
  }

  @Test func gzipGivesTheSameReportAsPlainText() throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plain = try ScanSupport.fixturePath("broker-log-full.log")
    let compressed = folder.appendingPathComponent("rabbit.log.gz")
    try ScanSupport.run("/bin/gzip", ["-c", plain], output: compressed)
    let fromPlain = ScanSupport.scan(paths: [plain])
    let fromGzip = ScanSupport.scan(paths: [compressed.path])
    #expect(fromGzip.files.first?.error == nil)
    #expect(fromGzip.files.first?.bytes == fromPlain.files.first?.bytes)
    #expect(fromGzip.guides.map(\.count) == fromPlain.guides.map(\.count))
    #expect(fromGzip.guides.map(\.id) == fromPlain.guides.map(\.id))
  }

  /// `cat a.gz b.gz > c.gz` is a valid gzip file with two members.
  @Test func concatenatedGzipMembers() throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let one = folder.appendingPathComponent("one.gz")
    try ScanSupport.run(
      "/bin/gzip", ["-c", try ScanSupport.fixturePath("broker-log-full.log")], output: one)
    let data = try Data(contentsOf: one)
    let both = folder.appendingPathComponent("both.log.gz")
    try (data + data).write(to: both)
    let single = ScanSupport.scan(paths: [one.path])
    let double = ScanSupport.scan(paths: [both.path])
    #expect(double.entries == 2 * single.entries)
  }

  @Test func damagedGzipSaysWhereAndKeepsWhatWasRead() throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = folder.appendingPathComponent("good.gz")
    try ScanSupport.run(
      "/bin/gzip", ["-c", try ScanSupport.fixturePath("broker-log-full.log")], output: good)
    var data = try Data(contentsOf: good)
    let truncated = folder.appendingPathComponent("truncated.log.gz")
    try data.prefix(data.count / 2).write(to: truncated)
    data[data.count / 2] ^= 0xFF
    data[data.count / 2 + 1] ^= 0xFF
    let damaged = folder.appendingPathComponent("damaged.log.gz")
    try data.write(to: damaged)
    let notGzip = folder.appendingPathComponent("plain.log.gz")
    try Data("just text\n".utf8).write(to: notGzip)

    let report = ScanSupport.scan(paths: [truncated.path, damaged.path, notGzip.path])
    let errors = report.files.map(\.error)
    #expect(errors[0]?.hasPrefix("gzip data ends early") == true)
    #expect(errors[1]?.hasPrefix("not valid gzip data") == true)
    #expect(errors[2]?.hasPrefix("not valid gzip data after 2 compressed bytes") == true)
    #expect(report.files[0].lines > 0)
  }

  @Test func missingAndUnreadableFilesAreReportedAndTheOthersScanned() throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = ScanSupport.scan(paths: [
      folder.appendingPathComponent("missing.log").path, folder.path,
      try ScanSupport.fixturePath("broker-log-full.log"),
    ])
    #expect(report.files.map(\.error) == ["No such file or directory", "is a directory", nil])
    #expect(report.entries > 0)
  }
}
