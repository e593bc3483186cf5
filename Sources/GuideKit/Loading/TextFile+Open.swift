import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension TextFile {
  /// The bytes of the regular file at `path`. Anything else (a FIFO, a device such as
  /// `/dev/zero`, a directory, a socket), also behind a symbolic link, is refused by what it is
  /// and never read: the file is opened without blocking and checked before the first read.
  static func contents(of path: String) throws(ContentError) -> Data {
    let at = FileLocation(path: path, line: 1, column: 1)
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      var info = stat()
      if stat(path, &info) == 0, let kind = kindName(info.st_mode) {
        throw ContentError(.notARegularFile(kind), at: at)
      }
      throw ContentError(.unreadable(reason), at: at)
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw ContentError(.unreadable(String(cString: strerror(errno))), at: at)
    }
    if let kind = kindName(info.st_mode) { throw ContentError(.notARegularFile(kind), at: at) }
    do {
      return try handle.readToEnd() ?? Data()
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
      throw ContentError(.unreadable(reason), at: at)
    }
  }

  /// What a file of `mode` is, or `nil` for a regular file.
  static func kindName(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "a directory"
    case S_IFIFO: "a FIFO"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "a special file"
    }
  }
}
