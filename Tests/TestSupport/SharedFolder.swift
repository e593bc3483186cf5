import Foundation

/// The workspace's `shared` folder: real captures (`fixtures/`) and the labelled error lines
/// (`eval/`), read by the tests exactly as they are.
public enum SharedFolder {
  /// The repository this file belongs to.
  public static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `RMQ_DOCTOR_SHARED`, else the `shared` folder beside the repository (or beside the
  /// folder holding it, for a clone made in a subfolder of the workspace).
  public static let url: URL = {
    if let explicit = ProcessInfo.processInfo.environment["RMQ_DOCTOR_SHARED"] {
      return URL(fileURLWithPath: explicit)
    }
    let parent = repository.deletingLastPathComponent()
    let candidates = [
      parent.appendingPathComponent("shared"),
      parent.deletingLastPathComponent().appendingPathComponent("shared"),
    ]
    return candidates.first {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("fixtures").path)
    } ?? candidates[0]
  }()

  /// The real command outputs.
  public static var fixtures: URL { url.appendingPathComponent("fixtures") }
  /// The labelled error lines.
  public static var eval: URL { url.appendingPathComponent("eval") }
}
