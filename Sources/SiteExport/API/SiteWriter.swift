import Foundation
import _Parallel

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a site atomically: into a temporary directory beside the output, moved into place
/// only when every file is written.
///
/// The output may be missing, an empty directory, or an earlier export (recognised by the
/// ``markerName`` file in it, which records every file that export wrote and its hash);
/// anything else is refused before anything is written. Of an earlier export, exactly the
/// files it wrote are replaced; every other file (a `CNAME`, a `.nojekyll`, a page made by
/// hand) is carried into the new site, and a file the export wrote but someone changed since is
/// kept and reported unless `force` is given. Two exports into one output do not interleave:
/// the second says that the first is running. Only the output directory itself and the
/// temporary directories this writer made are ever removed.
public struct SiteWriter: Sendable {
  /// The file that marks a directory as an rmq-doctor export.
  public static let markerName = ".rmq-doctor-export"
  /// The marker of format 1 (before the marker recorded the files), still recognised.
  static let markerText =
    "This directory was written by 'rmq-doctor export html' and is replaced by the next export.\n"
  /// The file that marks a temporary directory as this writer's while it fills it.
  static let stagingMarkerName = ".rmq-doctor-staging"

  /// What the output directory holds before the export.
  public enum OutputState: Sendable, Hashable {
    /// Nothing at that path.
    case missing
    /// An empty directory.
    case empty
    /// An earlier export.
    case earlierExport
  }

  /// What a write did besides writing the site.
  public struct Report: Sendable, Hashable {
    /// Files the export did not write, carried into the new site as they were.
    public var kept: [String] = []
    /// Files an earlier export wrote that were changed since, kept instead of the new version.
    public var changedKept: [String] = []
    /// Files an earlier export wrote that were changed since, replaced because of `force`.
    public var changedReplaced: [String] = []

    /// A report of nothing kept and nothing replaced.
    public init() {}
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

  private var parent: String { (output as NSString).deletingLastPathComponent }
  private var name: String { (output as NSString).lastPathComponent }

  /// The lock file beside the output, there while an export into it runs.
  public var lockPath: String { parent + "/." + name + ".lock" }

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
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw ExportError(.outputIsNotADirectory, path: output)
    }
    let names: [String]
    do { names = try FileManager.default.contentsOfDirectory(atPath: output) } catch {
      throw ExportError(.cannotWrite("cannot list it"), path: output)
    }
    if names.isEmpty { return .empty }
    guard names.contains(Self.markerName) else {
      throw ExportError(.outputNotAnExport, path: output)
    }
    _ = try earlierRecord()
    return .earlierExport
  }

  /// The record of the earlier export in `output`: its marker's, or for a format-1 marker the
  /// files an export writes as they are now.
  ///
  /// - Throws: `outputNotAnExport` when the marker is neither, or when none of the files it
  ///   lists is there as written (a marker copied into another folder).
  func earlierRecord() throws(ExportError) -> ExportRecord {
    let markerPath = output + "/" + Self.markerName
    guard let data = FileManager.default.contents(atPath: markerPath) else {
      throw ExportError(.cannotWrite("cannot read \(Self.markerName)"), path: output)
    }
    if let record = ExportRecord.decode(data) {
      // One file as recorded is enough; the files are compared one by one later, when written.
      let oneMatches = record.files.contains { path, hash in
        Self.hashOfFile(output + "/" + path) == hash
      }
      guard oneMatches || record.files.isEmpty else {
        throw ExportError(.markerDoesNotMatch(listed: record.files.count), path: output)
      }
      return record
    }
    guard data == Data(Self.markerText.utf8) else {
      throw ExportError(.markerDoesNotMatch(listed: 0), path: output)
    }
    var files: [String: String] = [:]
    for path in Self.walk(output) where !path.isDirectory {
      let top = String(path.relative.prefix { $0 != "/" })
      guard Self.topLevelNames.contains(top), top != Self.markerName,
        let hash = Self.hashOfFile(output + "/" + path.relative)
      else { continue }
      files[path.relative] = hash
    }
    return ExportRecord(files: files)
  }

  /// Where the symbolic link `output` points, as an absolute path when it can be read.
  private func linkTarget() -> String {
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: output) else {
      return "an unreadable target"
    }
    if target.hasPrefix("/") { return target }
    return URL(fileURLWithPath: parent + "/" + target).standardizedFileURL.path
  }

  /// Writes `files` and the marker into a new directory beside `output`, with the files of the
  /// earlier export that it did not write, then moves it into place, replacing what was there.
  /// On failure `output` is as it was and the temporary directory is gone.
  @discardableResult
  public func write(_ files: [SiteFile], force: Bool = false) throws(ExportError) -> Report {
    do {
      try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    } catch {
      throw ExportError(.cannotWrite("cannot create the parent directory"), path: parent)
    }
    let lock = try takeLock()
    defer { releaseLock(lock) }
    removeStaleStaging(parent: parent, name: name)
    let state = try checkOutput()
    var report = Report()
    var carried: [String] = []
    var written = files
    var record: [String: String] = [:]
    if state == .earlierExport {
      let earlier = try earlierRecord()
      let newPaths = Set(files.map(\.path))
      // The files as they are now, hashed on every core, in the walk's order.
      let entries = Self.walk(output).filter {
        $0.relative != Self.markerName && !$0.isDirectory
      }
      let hashes = entries.concurrentMap { Self.hashOfFile(output + "/" + $0.relative) }
      for (entry, current) in zip(entries, hashes) {
        if let recorded = earlier.files[entry.relative] {
          if current == recorded { continue }  // as the earlier export wrote it: replaced
          if force {
            report.changedReplaced.append(entry.relative)
            continue
          }
          report.changedKept.append(entry.relative)
          record[entry.relative] = recorded  // still reported as changed by the next export
        } else if newPaths.contains(entry.relative) && force {
          report.changedReplaced.append(entry.relative)
          continue
        } else if newPaths.contains(entry.relative) {
          report.changedKept.append(entry.relative)
        } else {
          report.kept.append(entry.relative)
        }
        carried.append(entry.relative)
      }
      let keptPaths = Set(carried)
      written = files.filter { !keptPaths.contains($0.path) }
    }
    // The hashes are made on every core and recorded in the files' order.
    let hashes = written.concurrentMap { ExportRecord.hash($0.contents) }
    for (file, hash) in zip(written, hashes) { record[file.path] = hash }
    let marker = SiteFile(Self.markerName, bytes: ExportRecord(files: record).encoded())
    let staging =
      parent + "/." + name + ".new-" + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    guard mkdir(staging, 0o755) == 0 else {
      throw ExportError(.cannotWrite(String(cString: strerror(errno))), path: staging)
    }
    do throws(ExportError) {
      guard
        FileManager.default.createFile(
          atPath: staging + "/" + Self.stagingMarkerName, contents: Data())
      else {
        throw ExportError(
          .cannotWrite("cannot create the file"), path: staging + "/" + Self.stagingMarkerName)
      }
      try writeAll(written + [marker], into: staging)
      try carry(carried, into: staging)
      _ = unlink(staging + "/" + Self.stagingMarkerName)
      try moveIntoPlace(
        staging, replacing: state,
        suffix: String(staging.split(separator: "-").suffix(2).joined(separator: "-")))
    } catch {
      try? FileManager.default.removeItem(atPath: staging)
      throw error
    }
    return report
  }

  /// Takes the lock beside the output, or throws when another export holds it. The lock file
  /// exists only while an export holds it: a lock taken on a file that its holder has just
  /// removed is given up and taken again on the new one.
  private func takeLock() throws(ExportError) -> Int32 {
    for _ in 0..<10 {
      let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        throw ExportError(.cannotWrite(String(cString: strerror(errno))), path: lockPath)
      }
      guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
        close(descriptor)
        throw ExportError(.busy, path: output)
      }
      var held = stat()
      var named = stat()
      if fstat(descriptor, &held) == 0, stat(lockPath, &named) == 0, held.st_ino == named.st_ino,
        held.st_dev == named.st_dev
      {
        return descriptor
      }
      close(descriptor)
    }
    throw ExportError(.busy, path: output)
  }

  /// Removes the lock file and lets go of the lock.
  private func releaseLock(_ descriptor: Int32) {
    _ = unlink(lockPath)
    close(descriptor)
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
        do {
          try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
          folderError = (index, ExportError(.cannotWrite("cannot create the folder"), path: folder))
          break
        }
        made.insert(folder)
      }
    }
    let count = folderError?.index ?? files.count
    // Each file is written in place (not through a temporary file and a rename): the whole
    // staging directory is what is moved into place atomically.
    // Each core writes one contiguous run of the files, which are sorted by path, so that the
    // cores mostly create files in different folders: two creating files in one folder at once
    // wait for each other on the folder's lock. A run stops at its first failure.
    let cores = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
    let runs = (0..<cores).map { run in (count * run / cores)..<(count * (run + 1) / cores) }
    let failures = runs.concurrentMap { run in
      run.first { !Self.writeFile(files[$0].contents, to: paths[$0]) }
    }
    if let failed = failures.lazy.compactMap({ $0 }).first {
      throw ExportError(.cannotWrite("cannot create the file"), path: paths[failed])
    }
    if let folderError { throw folderError.error }
  }

  /// Renames `staging` to `output`. An existing output is first renamed aside, and renamed
  /// back if the second rename fails; it is deleted only once the new site is in place.
  private func moveIntoPlace(_ staging: String, replacing state: OutputState, suffix: String)
    throws(ExportError)
  {
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
