import Foundation
import TestSupport
import Testing

/// Runs the built `rmq-doctor` binary as a user would, and captures what it printed.
struct Binary {
  /// What one run printed and how it ended.
  struct Run {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// The binary beside the test bundle in the build folder.
  static let path = BuiltBinary.path

  /// The repository's shipped Content folder.
  static let shippedContent = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Content").path

  /// The real broker captures in `Tests/Fixtures/broker-3.10`.
  static let brokerFixtures = Fixtures.broker.path

  /// The small fixture content of the GuideKit tests.
  static let fixtureContent = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("GuideKitTests/Fixtures/content").path

  /// The environment every test run starts from: this process's, without `NO_COLOR` and
  /// `COLUMNS`, with the search cache off (tests never write into the user's cache unless they
  /// ask to), then `overrides`.
  static func environment(_ overrides: [String: String]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    env.removeValue(forKey: "COLUMNS")
    env["RMQ_DOCTOR_CACHE"] = "off"
    for (key, value) in overrides { env[key] = value }
    return env
  }

  /// Runs the binary with `arguments`, `NO_COLOR` unset and the search cache off unless given,
  /// stdin empty.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], stdin: Data = Data()
  ) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = Self.environment(environment)
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    // A child that stops reading must not kill the test runner with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    // Input is written and stderr drained on threads of their own, so that neither side waits
    // on a full pipe whatever the sizes.
    let errData = Collected()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      try? input.fileHandleForWriting.write(contentsOf: stdin)
      try? input.fileHandleForWriting.close()
    }
    DispatchQueue.global().async(group: group) {
      errData.data = err.fileHandleForReading.readDataToEndOfFile()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Run(
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData.data, as: UTF8.self),
      status: process.terminationStatus)
  }

  /// Expects a failed run that printed exactly one line on stderr, and nothing that looks like
  /// a crash.
  static func expectOneLineError(
    _ run: Run, containing words: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(run.status != 0, sourceLocation: sourceLocation)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.contains(words), "stderr: \(run.stderr)", sourceLocation: sourceLocation)
    #expect(!run.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    #expect(!run.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
  }
}

/// Bytes one thread collects for another, which reads them only after waiting for it.
private final class Collected: @unchecked Sendable {
  var data = Data()
}
