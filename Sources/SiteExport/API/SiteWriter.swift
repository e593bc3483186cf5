import Foundation
import _Parallel

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a site atomically: into a temporary directory beside the output, moved into place
/// only when every file is written.
///
/// The output may be missing, an empty directory, or an earlier export (recognised by the
/// ``markerName`` file in it); anything else is refused before anything is written. Only the
/// output directory itself and the temporary directories this writer made are ever removed.
public struct SiteWriter: Sendable {
  /// The file that marks a directory as an rmq-doctor export.
  public static let markerName = ".rmq-doctor-export"
  /// The marker's contents.
  static let markerText = "This directory was written by 'rmq-doctor export html' and is replaced by the next export.\n"

  /// What the output directory holds before the export.
  public enum OutputState: Sendable, Hashable {
    /// Nothing at that path.
    case missing
    /// An empty directory.
    case empty
    /// An earlier export.
    case earlierExport
  }

  /// The output directory.
  public let output: String

  /// A writer for `output`, taken as a path relative to the current directory when it is not
  /// absolute.
  public init(output: String) {
    var path = URL(fileURLWithPath: output).standardizedFileURL.path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    self.output = path
  }

  /// What `output` holds; throws when it may not be replaced.
  public func checkOutput() throws(ExportError) -> OutputState {
    var info = stat()
    guard lstat(output, &info) == 0 else {
      if errno == ENOENT { return .missing }
      throw ExportError(.cannotWrite(String(cString: strerror(errno))), path: output)
    }
    if info.st_mode & S_IFMT == S_IFLNK {
      throw ExportError(.outputIsASymlink(target: linkTarget()), path: output)
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw ExportError(.outputIsNotADirectory, path: output) }
    let names: [String]
    do { names = try FileManager.default.contentsOfDirectory(atPath: output) } catch {
      throw ExportError(.cannotWrite("cannot list it"), path: output)
    }
    if names.isEmpty { return .empty }
    guard names.contains(Self.markerName) else { throw ExportError(.outputNotAnExport, path: output) }
    return .earlierExport
  }

  /// Where the symbolic link `output` points, as an absolute path when it can be read.
  private func linkTarget() -> String {
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: output) else {
      return "an unreadable target"
    }
    if target.hasPrefix("/") { return target }
    let parent = (output as NSString).deletingLastPathComponent
    return URL(fileURLWithPath: parent + "/" + target).standardizedFileURL.path
  }

  /// Writes `files` and the marker into a new directory beside `output`, then moves it into
  /// place, replacing what was there. On failure `output` is as it was and the temporary
  /// directory is gone.
  public func write(_ files: [SiteFile]) throws(ExportError) {
    let state = try checkOutput()
    let parent = (output as NSString).deletingLastPathComponent
    let name = (output as NSString).lastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    } catch {
      throw ExportError(.cannotWrite("cannot create the parent directory"), path: parent)
    }
    removeStaleStaging(parent: parent, name: name)
    let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let staging = parent + "/." + name + ".new-" + suffix
    guard mkdir(staging, 0o755) == 0 else {
      throw ExportError(.cannotWrite(String(cString: strerror(errno))), path: staging)
    }
    do {
      try writeAll(files + [SiteFile(Self.markerName, text: Self.markerText)], into: staging)
      try moveIntoPlace(staging, replacing: state, parent: parent, name: name, suffix: suffix)
    } catch {
      try? FileManager.default.removeItem(atPath: staging)
      throw error
    }
  }

  /// Makes the folders in order, then writes the files on every core. The error is the one a
  /// writer going file by file would meet first: a file that could not be written, or the
  /// folder of a later file that could not be made.
  private func writeAll(_ files: [SiteFile], into root: String) throws(ExportError) {
    var made: Set<String> = [root]
    let paths = files.map { root + "/" + $0.path }
    var folderError: (index: Int, error: ExportError)?
    for (index, path) in paths.enumerated() {
      let folder = (path as NSString).deletingLastPathComponent
      if !made.contains(folder) {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
          folderError = (index, ExportError(.cannotWrite("cannot create the folder"), path: folder))
          break
        }
        made.insert(folder)
      }
    }
    let count = folderError?.index ?? files.count
    // Each file is written in place (not through a temporary file and a rename): the whole
    // staging directory is what is moved into place atomically.
    let written = files.indices.prefix(count).concurrentMap { index in
      (try? Data(files[index].contents).write(to: URL(fileURLWithPath: paths[index]))) != nil
    }
    if let failed = written.firstIndex(of: false) {
      throw ExportError(.cannotWrite("cannot create the file"), path: paths[failed])
    }
    if let folderError { throw folderError.error }
  }

  /// Renames `staging` to `output`. An existing output is first renamed aside, and renamed
  /// back if the second rename fails; it is deleted only once the new site is in place.
  private func moveIntoPlace(
    _ staging: String, replacing state: OutputState, parent: String, name: String, suffix: String
  ) throws(ExportError) {
    if state == .missing {
      guard rename(staging, output) == 0 else {
        throw ExportError(.cannotMove(String(cString: strerror(errno))), path: output)
      }
      return
    }
    let aside = parent + "/." + name + ".old-" + suffix
    guard rename(output, aside) == 0 else {
      throw ExportError(.cannotMove(String(cString: strerror(errno))), path: output)
    }
    guard rename(staging, output) == 0 else {
      let reason = String(cString: strerror(errno))
      _ = rename(aside, output)
      throw ExportError(.cannotMove(reason), path: output)
    }
    try? FileManager.default.removeItem(atPath: aside)
  }
}
