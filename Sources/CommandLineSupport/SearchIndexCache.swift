import ErrorSearch
import Foundation
import GuideKit
import _SafeWrite

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps the search index of a content directory on disk, so that `rmq-doctor search` reads
/// one small file instead of every guide.
///
/// The saved index is used only while it matches: its first line holds a fingerprint of every
/// file in the content directory (path, size, modification time) and of this binary, and any
/// change rebuilds it. Without a writable cache directory the index is built in memory each
/// time, as before; the cache never changes an answer, only how fast it comes.
package struct SearchIndexCache {
  /// `RMQ_DOCTOR_CACHE`, else `$XDG_CACHE_HOME/rmq-doctor`, else `~/.cache/rmq-doctor`;
  /// `nil` when none is set, or when `RMQ_DOCTOR_CACHE` is `off`.
  package static func defaultDirectory(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    if let explicit = environment["RMQ_DOCTOR_CACHE"], !explicit.isEmpty {
      return explicit == "off" ? nil : explicit
    }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/rmq-doctor" }
    if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/rmq-doctor" }
    return nil
  }

  let contentDirectory: String
  let cacheDirectory: String?

  /// A cache of the index of `contentDirectory` in `cacheDirectory` (none when `nil`).
  package init(contentDirectory: String, cacheDirectory: String?) {
    self.contentDirectory = contentDirectory
    self.cacheDirectory = cacheDirectory
  }

  /// The index: the saved one if it is current, else built from the guides and saved.
  /// `load` reads the content; it is called only when the saved index cannot be used.
  package func index(loading load: () throws -> ContentLibrary) throws -> SearchIndex {
    guard let cacheDirectory, let fingerprint = fingerprint() else {
      return SearchIndex(documents: try load().searchDocuments)
    }
    // One file per content directory and program (`rmq-doctor`, `rmq-doctor-mcp`): each
    // program's fingerprint holds its own binary, so a shared file would be rebuilt in turns.
    let program = Bundle.main.executableURL?.lastPathComponent ?? ""
    let file =
      cacheDirectory + "/search-" + hex(fnv1a(contentDirectory + "\n" + program)) + ".index"
    let firstLine = "fingerprint \(fingerprint)\n"
    if let saved = try? String(contentsOfFile: file, encoding: .utf8), saved.hasPrefix(firstLine),
      let index = try? IndexArchive.read(String(saved.dropFirst(firstLine.count)))
    {
      return index
    }
    let index = SearchIndex(documents: try load().searchDocuments)
    save(firstLine + IndexArchive.write(index), to: file, in: cacheDirectory)
    return index
  }

  /// Writes through a temporary file and a rename (``OutputFile``), so that a reader never sees
  /// half an index, and a link or device someone put at the cache's path is never replaced;
  /// a failure only means the next run builds the index again.
  private func save(_ text: String, to file: String, in directory: String) {
    guard
      (try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)) != nil
    else { return }
    _ = try? OutputFile.write(Data(text.utf8), to: file)
  }

  /// A hash of every file under the content directory and of this binary; `nil` if the
  /// directory cannot be read.
  func fingerprint() -> String? {
    var entries: [String] = []
    guard collect(contentDirectory, relative: "", into: &entries) else { return nil }
    if let executable = Bundle.main.executablePath, let stamp = stamp(executable) {
      entries.append("binary " + stamp)
    }
    entries.sort()
    return hex(fnv1a(entries.joined(separator: "\n")))
  }

  private func collect(_ directory: String, relative: String, into entries: inout [String]) -> Bool
  {
    guard let handle = opendir(directory) else { return false }
    defer { closedir(handle) }
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let path = directory + "/" + name
      var info = stat()
      guard stat(path, &info) == 0 else { continue }
      if info.st_mode & S_IFMT == S_IFDIR {
        guard collect(path, relative: relative + name + "/", into: &entries) else { return false }
      } else if let stamp = stamp(path) {
        entries.append(relative + name + " " + stamp)
      }
    }
    return true
  }

  /// Size, modification time to the nanosecond, and inode of `path`.
  private func stamp(_ path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
  }

  private func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  private func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
