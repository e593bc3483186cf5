import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to its end with its output discarded, as a shell would: `posix_spawn` and
/// `waitpid`, nothing more, so that the harness adds as little as it can to either side.
func runToEnd(_ executable: String, _ arguments: [String]) throws -> Int32 {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  for descriptor: Int32 in [0, 1, 2] {
    posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
  }
  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var pid: pid_t = 0
  let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
  guard status == 0 else {
    throw NSError(domain: NSPOSIXErrorDomain, code: Int(status), userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable)"])
  }
  var exitStatus: Int32 = 0
  while waitpid(pid, &exitStatus, 0) == -1 && errno == EINTR {}
  return (exitStatus >> 8) & 0xff
}

/// The first executable called `name` on `PATH`.
func which(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").map { "\($0)/\(name)" }
    .first { FileManager.default.isExecutableFile(atPath: $0) }
}
