import Foundation

/// Finds the Content folder shipped with the tool, wherever the binary runs from.
package enum ContentLocator {
  /// The first directory that looks like shipped content, in this order: `RMQ_DOCTOR_CONTENT`;
  /// `../share/rmq-doctor/Content` beside an installed binary; `Content` in the binary's folder
  /// or any folder above it (a `.build` tree inside the checkout); the checkout this binary was
  /// built from; `./Content`.
  package static func defaultDirectory() -> String? {
    // Each candidate is worked out only when the ones before it were not content: this runs
    // at every start of `rmq-doctor search`.
    if let fromEnvironment = ProcessInfo.processInfo.environment["RMQ_DOCTOR_CONTENT"],
      !fromEnvironment.isEmpty, isContentDirectory(fromEnvironment)
    {
      return fromEnvironment
    }
    if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
      var folder = executable.deletingLastPathComponent()
      let installed = folder.appendingPathComponent("../share/rmq-doctor/Content").standardized.path
      if isContentDirectory(installed) { return installed }
      while folder.path != "/" {
        let candidate = folder.appendingPathComponent("Content").path
        if isContentDirectory(candidate) { return candidate }
        folder = folder.deletingLastPathComponent()
      }
    }
    let checkout = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Content").path
    if isContentDirectory(checkout) { return checkout }
    let current = FileManager.default.currentDirectoryPath + "/Content"
    return isContentDirectory(current) ? current : nil
  }

  private static func isContentDirectory(_ path: String) -> Bool {
    access(path + "/guides", F_OK) == 0 && access(path + "/allowlist.yaml", F_OK) == 0
  }
}
