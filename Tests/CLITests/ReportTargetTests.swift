import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `wizard --report PATH` never replaces what PATH points at: a device stays a device, a link
/// stays a link, and replacing an existing report is said on standard error.
@Suite struct ReportTargetTests {
  static let arguments = [
    "wizard", "alpha", "--content", Binary.fixtureContent, "--answers",
    "heartbeat-off=no,alpha-local=yes",
  ]

  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-report-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  @Test func aDeviceNodeStaysADevice() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let node = dir + "/null"
    guard mknod(node, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else {
      try Test.cancel("mknod is not permitted here (needs root)")
    }
    let run = try Binary.run(Self.arguments + ["--report", node])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Self.kind(node) == S_IFCHR, "the device node became something else")
  }

  @Test func aSymbolicLinkStaysALinkAndAReplacedReportIsSaid() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    FileManager.default.createFile(atPath: dir + "/notes.md", contents: Data("earlier".utf8))
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/report.md", withDestinationPath: "notes.md")
    let run = try Binary.run(Self.arguments + ["--report", dir + "/report.md"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Self.kind(dir + "/report.md") == S_IFLNK)
    let written = try String(contentsOfFile: dir + "/notes.md", encoding: .utf8)
    #expect(written.hasPrefix("# Incident note:"), "\(written)")
    #expect(run.stderr.contains("replaced the existing file \(dir)/report.md"), "\(run.stderr)")
  }

  @Test func aDirectoryIsRefusedInOneLine() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let run = try Binary.run(Self.arguments + ["--report", dir])
    Binary.expectOneLineError(
      run, containing: "\(dir): cannot write the report: a directory, not a file")
  }
}
