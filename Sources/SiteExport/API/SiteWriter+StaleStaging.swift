import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension SiteWriter {
  /// What an export writes at the top of a site; a staging folder holding anything else was not
  /// made by rmq-doctor and is never removed.
  static let topLevelNames: Set<String> = [
    markerName, "index.html", "search.html", "errors.html", "404.html", "sitemap.xml", "assets",
    "guides",
    "tags", "troubleshoot",
  ]

  /// Removes the staging and set-aside folders (`.NAME.new-PID-RAND`, `.NAME.old-PID-RAND`) that
  /// exports of the same output left beside it when they were killed: only folders whose
  /// process is gone (a live export racing with this one keeps its folder), that are real
  /// directories, and that are still marked as staging or hold nothing an export does not
  /// write. A set-aside earlier site with no output in its place is renamed back instead.
  /// Returns the paths removed or put back.
  @discardableResult
  func removeStaleStaging(parent: String, name: String) -> [String] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else {
      return []
    }
    var removed: [String] = []
    for entry in entries.sorted() {
      guard let pid = Self.stagingProcess(entry, name: name), pid != getpid(), !Self.isRunning(pid)
      else { continue }
      let path = parent + "/" + entry
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
        let contents = try? FileManager.default.contentsOfDirectory(atPath: path)
      else { continue }
      // An export killed between its two renames left the earlier site aside and no output:
      // it goes back into place.
      var outputInfo = stat()
      if entry.hasPrefix("." + name + ".old-"), contents.contains(Self.markerName),
        lstat(output, &outputInfo) != 0,
        errno == ENOENT
      {
        if rename(path, output) == 0 { removed.append(path) }
        continue
      }
      // A staging folder still marked as one, or holding nothing an export does not write.
      guard
        contents.contains(Self.stagingMarkerName)
          || contents.allSatisfy(Self.topLevelNames.contains)
      else { continue }
      if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
    }
    return removed
  }

  /// The process id in a staging folder's name, when `entry` is one for output `name`.
  static func stagingProcess(_ entry: String, name: String) -> pid_t? {
    for kind in [".new-", ".old-"] {
      let prefix = "." + name + kind
      guard entry.hasPrefix(prefix) else { continue }
      let parts = entry.dropFirst(prefix.count).split(
        separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2,
        parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
        let pid = pid_t(parts[0]), pid > 0
      else { return nil }
      return pid
    }
    return nil
  }

  /// Whether process `pid` exists (it may belong to another user).
  static func isRunning(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }
}
