import Foundation

/// The `rmq-doctor` binary that `swift build` wrote beside the test bundle.
public enum BuiltBinary {
  /// Its path: the first `rmq-doctor` in the test runner's folder or a folder above it (on
  /// Linux the runner is `<build>/debug/<package>PackageTests.xctest`).
  public static let path: String = {
    let folder =
      Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var candidate = folder
    while candidate.path != "/" {
      let binary = candidate.appendingPathComponent("rmq-doctor").path
      if FileManager.default.isExecutableFile(atPath: binary) { return binary }
      candidate = candidate.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("rmq-doctor").path
  }()
}
