import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a re-export reads of the earlier export, and how it carries the files it keeps.
extension SiteWriter {
  /// Links (or, across file systems, copies) each of `paths` of the output into `root`.
  func carry(_ paths: [String], into root: String) throws(ExportError) {
    for path in paths {
      let source = output + "/" + path
      let target = root + "/" + path
      let folder = (target as NSString).deletingLastPathComponent
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw ExportError(.cannotWrite("cannot create the folder"), path: folder)
      }
      var info = stat()
      if lstat(source, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
        guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: source),
          symlink(destination, target) == 0
        else { throw ExportError(.cannotWrite("cannot keep the link \(path)"), path: source) }
        continue
      }
      if link(source, target) != 0 {
        do { try FileManager.default.copyItem(atPath: source, toPath: target) } catch {
          throw ExportError(.cannotWrite("cannot keep \(path)"), path: source)
        }
      }
    }
  }

  /// The SHA-256 of a regular file's bytes; `nil` for anything else.
  static func hashOfFile(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      let data = FileManager.default.contents(atPath: path)
    else { return nil }
    return ExportRecord.hash(data)
  }

  /// Every entry below `root`, by path relative to it, sorted; symbolic links are not followed.
  static func walk(_ root: String) -> [(relative: String, isDirectory: Bool)] {
    var entries: [(relative: String, isDirectory: Bool)] = []
    var pending = [""]
    while let folder = pending.popLast() {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
      for name in names.sorted() {
        let relative = folder.isEmpty ? name : folder + "/" + name
        var info = stat()
        guard lstat(root + "/" + relative, &info) == 0 else { continue }
        let isDirectory = info.st_mode & S_IFMT == S_IFDIR
        entries.append((relative, isDirectory))
        if isDirectory { pending.append(relative) }
      }
    }
    return entries.sorted { $0.relative < $1.relative }
  }
}
