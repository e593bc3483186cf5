import Foundation

/// Standard output, kept for protocol messages alone.
enum ProtocolOutput {
  /// A private copy of descriptor 1 for the transport; descriptor 1 itself then points at
  /// standard error, where anything else written to "standard output" lands.
  static func claimStandardOutput() throws -> Int32 {
    let copy = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
    guard copy >= 0 else { throw Failure(step: "copy standard output", code: errno) }
    guard dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else {
      throw Failure(step: "point standard output at standard error", code: errno)
    }
    return copy
  }

  /// A descriptor operation that failed before the server started.
  struct Failure: Error, CustomStringConvertible {
    var step: String
    var code: Int32
    var description: String { "cannot \(step): \(String(cString: strerror(code)))" }
  }
}

/// The server's log: one line per event on standard error, never on standard output.
enum ServerLog {
  static func note(_ message: String) {
    FileHandle.standardError.write(Data("rmq-doctor mcp: \(message)\n".utf8))
  }
}
