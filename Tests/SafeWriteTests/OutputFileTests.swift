import Foundation
import Testing

@testable import _SafeWrite

#if canImport(Glibc)
  import Glibc
#endif

/// What a path points at is never replaced: regular files are replaced atomically, links are
/// followed, devices and FIFOs are written through, directories are refused.
@Suite struct OutputFileTests {
  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-out-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  @Test func aMissingFileIsCreatedAndAnExistingOneReplaced() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(try OutputFile.write(Data("one".utf8), to: dir + "/r.md") == .created)
    #expect(try OutputFile.write(Data("two".utf8), to: dir + "/r.md") == .replaced)
    #expect(FileManager.default.contents(atPath: dir + "/r.md") == Data("two".utf8))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir) == ["r.md"],
      "a temporary file was left")
  }

  @Test func aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    FileManager.default.createFile(atPath: dir + "/target.md", contents: Data("old".utf8))
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/link.md", withDestinationPath: "target.md")
    #expect(try OutputFile.write(Data("new".utf8), to: dir + "/link.md") == .replaced)
    #expect(Self.kind(dir + "/link.md") == S_IFLNK)
    #expect(FileManager.default.contents(atPath: dir + "/target.md") == Data("new".utf8))
    // A dangling link: its target is created, the link stays.
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/dangling.md", withDestinationPath: dir + "/later.md")
    #expect(try OutputFile.write(Data("x".utf8), to: dir + "/dangling.md") == .created)
    #expect(Self.kind(dir + "/dangling.md") == S_IFLNK)
    #expect(FileManager.default.contents(atPath: dir + "/later.md") == Data("x".utf8))
  }

  @Test func aLinkLoopIsRefused() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createSymbolicLink(atPath: dir + "/a", withDestinationPath: "b")
    try FileManager.default.createSymbolicLink(atPath: dir + "/b", withDestinationPath: "a")
    #expect(throws: OutputFile.Failure.self) {
      try OutputFile.write(Data("x".utf8), to: dir + "/a")
    }
  }

  @Test func aCharacterDeviceIsWrittenThroughNotReplaced() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let node = dir + "/null"
    // The numbers of /dev/null (1, 3); making a device node needs root.
    guard mknod(node, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else {
      try Test.cancel(
        "mknod is not permitted here (needs root): \(String(cString: strerror(errno)))")
    }
    #expect(try OutputFile.write(Data("report".utf8), to: node) == .writtenThrough)
    #expect(Self.kind(node) == S_IFCHR, "the device node was replaced")
  }

  @Test func aFIFOIsWrittenThroughToItsReader() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fifo = dir + "/pipe"
    try #require(mkfifo(fifo, 0o600) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo]
    let out = Pipe()
    reader.standardOutput = out
    try reader.run()
    #expect(try OutputFile.write(Data("through the pipe".utf8), to: fifo) == .writtenThrough)
    reader.waitUntilExit()
    #expect(out.fileHandleForReading.readDataToEndOfFile() == Data("through the pipe".utf8))
    #expect(Self.kind(fifo) == S_IFIFO)
  }

  @Test func aDirectoryIsRefused() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    do {
      try OutputFile.write(Data("x".utf8), to: dir)
      Issue.record("a directory was written")
    } catch {
      #expect(error.description == "\(dir): a directory, not a file")
    }
  }
}
