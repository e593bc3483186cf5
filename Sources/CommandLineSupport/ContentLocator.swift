import Foundation

/// Finds the Content folder shipped with the tool, wherever the binary runs from.
package enum ContentLocator {
  /// The first directory that looks like shipped content, in this order: `RMQ_DOCTOR_CONTENT`;
  /// `../share/rmq-doctor/Content` beside an installed binary; `Content` in the binary's folder
  /// or any folder above it (a `.build` tree inside the checkout); the checkout this binary was
  /// built from; `./Content`.
  package static func defaultDirectory() -> String? {
    candidates().first(where: isContentDirectory)
  }

  private static func candidates() -> [String] {
    var result: [String] = []
    if let fromEnvironment = ProcessInfo.processInfo.environment["RMQ_DOCTOR_CONTENT"],
      !fromEnvironment.isEmpty
    {
      result.append(fromEnvironment)
    }
    if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
      var folder = executable.deletingLastPathComponent()
      result.append(folder.appendingPathComponent("../share/rmq-doctor/Content").standardized.path)
      while folder.path != "/" {
        result.append(folder.appendingPathComponent("Content").path)
        folder = folder.deletingLastPathComponent()
      }
    }
    let checkout = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    result.append(checkout.appendingPathComponent("Content").path)
    result.append(FileManager.default.currentDirectoryPath + "/Content")
    return result
  }

  private static func isContentDirectory(_ path: String) -> Bool {
    let manager = FileManager.default
    return manager.fileExists(atPath: path + "/guides")
      && manager.fileExists(atPath: path + "/allowlist.yaml")
  }
}
