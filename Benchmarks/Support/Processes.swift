import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to its end with its output discarded, as a shell would: `posix_spawn` and
/// `waitpid`, nothing more, so that the harness adds as little as it can to either side.
@discardableResult
public func runToEnd(_ executable: String, _ arguments: [String]) throws -> Int32 {
  try runMeasured(executable, arguments).status
}

/// What `runMeasured` saw of a finished program.
public struct FinishedProcess {
  /// The exit status.
  public var status: Int32
  /// The largest resident set the program had, in bytes (`ru_maxrss`).
  public var peakMemory: Int
}

/// Runs a program to its end with its output written to `output` (discarded by default), and
/// reads its peak memory with `wait4`.
///
/// GNU grep stops at the first match when its output is `/dev/null`, as if given `-q`; a
/// baseline that must read the whole input writes to a real file instead.
public func runMeasured(
  _ executable: String, _ arguments: [String], output: String = "/dev/null"
) throws -> FinishedProcess {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { for argument in argv { free(argument) } }
  var pid: pid_t = 0
  let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
  guard status == 0 else {
    throw NSError(
      domain: NSPOSIXErrorDomain, code: Int(status),
      userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable)"])
  }
  var exitStatus: Int32 = 0
  var usage = rusage()
  while wait4(pid, &exitStatus, 0, &usage) == -1 && errno == EINTR {}
  return FinishedProcess(status: (exitStatus >> 8) & 0xff, peakMemory: Int(usage.ru_maxrss) * 1024)
}

/// The first executable called `name` on `PATH`.
public func which(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").map { "\($0)/\(name)" }
    .first { FileManager.default.isExecutableFile(atPath: $0) }
}
