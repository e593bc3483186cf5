import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes an evidence bundle atomically: every file into a new folder beside the output, which
/// is renamed into place only when all are written. The output must be missing or an empty
/// folder; nothing that exists is ever replaced. The folder is readable by its owner only
/// (mode 0700, files 0600): a bundle describes a production system.
public struct BundleWriter: Sendable {
  /// Why a bundle was not written, as one line.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// The output folder.
  public let output: String

  /// A writer for `output`.
  public init(output: String) {
    var path = URL(fileURLWithPath: output).standardizedFileURL.path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    self.output = path
  }

  /// Throws unless the output is missing or an empty folder; call before collecting anything.
  public func checkOutput() throws(Failure) {
    var info = stat()
    guard lstat(output, &info) == 0 else {
      if errno == ENOENT {
        let parent = (output as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder),
          isFolder.boolValue
        else {
          throw Failure(description: "\(output): its parent folder \(parent) does not exist")
        }
        guard access(parent, W_OK) == 0 else {
          throw Failure(description: "\(output): cannot write in \(parent)")
        }
        return
      }
      throw Failure(description: "\(output): \(String(cString: strerror(errno)))")
    }
    if info.st_mode & S_IFMT == S_IFLNK {
      throw Failure(
        description: "\(output) is a symbolic link; give the folder itself or a new path")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw Failure(
        description: "\(output) exists and is not a folder; give a new folder for the bundle")
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? ["?"]
    guard names.isEmpty else {
      throw Failure(
        description: "\(output) is not empty; give a new or empty folder, nothing in it is replaced"
      )
    }
  }

  /// Writes `files` (flat names) into the output.
  public func write(_ files: [EvidenceCollection.File]) throws(Failure) {
    try checkOutput()
    let parent = (output as NSString).deletingLastPathComponent
    let name = (output as NSString).lastPathComponent
    let staging = parent + "/." + name + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    guard mkdir(staging, 0o700) == 0 else {
      throw Failure(description: "\(staging): \(String(cString: strerror(errno)))")
    }
    do throws(Failure) {
      for file in files {
        guard !file.name.contains("/"), !file.name.hasPrefix(".") else {
          throw Failure(description: "\(file.name): not a plain file name")
        }
        let path = staging + "/" + file.name
        guard
          FileManager.default.createFile(
            atPath: path, contents: file.contents, attributes: [.posixPermissions: 0o600])
        else {
          throw Failure(description: "\(path): cannot write it")
        }
      }
      var info = stat()
      if lstat(output, &info) == 0 {
        // An empty folder (checked above) makes way for the new one.
        guard rmdir(output) == 0 else {
          throw Failure(description: "\(output): \(String(cString: strerror(errno)))")
        }
      }
      guard rename(staging, output) == 0 else {
        throw Failure(description: "\(output): \(String(cString: strerror(errno)))")
      }
    } catch {
      try? FileManager.default.removeItem(atPath: staging)
      throw error
    }
  }
}
