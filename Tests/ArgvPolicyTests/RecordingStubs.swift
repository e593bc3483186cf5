import Foundation

/// A folder of stand-ins for real programs: each writes the arguments it was started with to
/// `record` and exits, so that a test can prove what ran without ever running the real,
/// destructive command.
struct RecordingStubs {
  let folder: URL
  var record: URL { folder.appendingPathComponent("record.txt") }

  init(programs: [String]) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-stubs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for program in programs {
      let path = folder.appendingPathComponent(program).path
      let script = "#!/bin/sh\nprintf '%s\\n' \"${0##*/} $*\" >> '\(record.path)'\n"
      guard
        FileManager.default.createFile(
          atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
      else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
  }

  /// The command lines the stubs recorded, one a run.
  var runs: [String] {
    guard let data = FileManager.default.contents(atPath: record.path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// An environment whose `PATH` holds only the stubs.
  var environment: [String: String] { ["PATH": folder.path] }

  func remove() { try? FileManager.default.removeItem(at: folder) }
}
