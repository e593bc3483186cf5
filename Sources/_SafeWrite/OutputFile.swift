import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a file the user named without ever replacing what the path points at.
///
/// - A missing path or a regular file: written to a temporary file beside it and renamed over
///   it, so readers see the old or the new file, never half of one.
/// - A symbolic link: followed (to its final target, even a missing one), and the target is
///   written by these same rules; the link itself stays a link.
/// - A character device or a FIFO (`/dev/stdout`, `/dev/null`, a pipe someone reads): written
///   through directly, as `cat > PATH` would, never replaced by a file.
/// - A directory, a block device or a socket: refused.
public enum OutputFile {
  /// What a write did.
  public enum Outcome: Sendable, Equatable {
    /// A new file was created.
    case created
    /// An existing regular file was replaced.
    case replaced
    /// The bytes were written through a device or FIFO.
    case writtenThrough
  }

  /// A write that was refused or failed, with a reason for one line on standard error.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
  }

  /// Writes `data` to `path` by the rules above.
  @discardableResult
  public static func write(_ data: Data, to path: String) throws(Failure) -> Outcome {
    try write(data, to: path, hops: 0)
  }

  private static func write(_ data: Data, to path: String, hops: Int) throws(Failure) -> Outcome {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      guard errno == ENOENT else {
        throw Failure(path: path, reason: String(cString: strerror(errno)))
      }
      try replace(path, with: data)
      return .created
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      try replace(path, with: data)
      return .replaced
    case S_IFLNK:
      guard hops < 16, let target = linkTarget(path) else {
        throw Failure(
          path: path, reason: "a symbolic link that cannot be followed (a loop, or unreadable)")
      }
      return try write(data, to: target, hops: hops + 1)
    case S_IFCHR, S_IFIFO:
      try writeThrough(path, data)
      return .writtenThrough
    case S_IFDIR: throw Failure(path: path, reason: "a directory, not a file")
    case S_IFBLK: throw Failure(path: path, reason: "a block device; refusing to write to it")
    default: throw Failure(path: path, reason: "a socket, not a file")
    }
  }

  /// Where the symbolic link `path` points, as a path (relative targets resolved against the
  /// link's folder).
  static func linkTarget(_ path: String) -> String? {
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
      return nil
    }
    if target.hasPrefix("/") { return target }
    return (path as NSString).deletingLastPathComponent + "/" + target
  }

  /// Writes a temporary file in the same folder and renames it over `path`.
  private static func replace(_ path: String, with data: Data) throws(Failure) {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary =
      (folder.isEmpty ? "." : folder)
      + "/.\(name).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw Failure(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
    }
    let written = writeAll(descriptor, data)
    let synced = close(descriptor) == 0
    guard written && synced else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Failure(path: path, reason: "cannot write: \(reason)")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Failure(path: path, reason: "cannot write: \(reason)")
    }
  }

  /// Opens an existing device or FIFO for writing, without creating or truncating anything.
  private static func writeThrough(_ path: String, _ data: Data) throws(Failure) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw Failure(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    guard writeAll(descriptor, data) else {
      throw Failure(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
    }
  }

  private static func writeAll(_ descriptor: Int32, _ data: Data) -> Bool {
    data.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        offset += count
      }
      return true
    }
  }
}
