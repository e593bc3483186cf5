import Foundation
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
  static let path: String = {
    let folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var candidate = folder
    // On Linux the test runner is `<build>/debug/<package>PackageTests.xctest`.
    while candidate.path != "/" {
      let binary = candidate.appendingPathComponent("rmq-doctor").path
      if FileManager.default.isExecutableFile(atPath: binary) { return binary }
      candidate = candidate.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("rmq-doctor").path
  }()

  /// The repository's shipped Content folder.
  static let shippedContent = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Content").path

  /// The small fixture content of the GuideKit tests.
  static let fixtureContent = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("GuideKitTests/Fixtures/content").path

  /// Runs the binary with `arguments`, `NO_COLOR` unset unless given, stdin empty.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], stdin: Data = Data()
  ) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    env.removeValue(forKey: "COLUMNS")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(stdin)
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self),
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
