import ArgvPolicy
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program directly, never through a shell, with a time limit and an output limit.
///
/// The program gets a process group of its own, so that when it runs past its limit the
/// whole group (children included) is stopped: SIGTERM, then SIGKILL half a second later.
/// Standard input is `/dev/null`; standard output and standard error share one pipe.
public enum CommandRunner {
  /// Runs `argv`; `argv[0]` is looked up on `PATH` unless it contains a `/`.
  public static func run(
    _ argv: [String], timeout: Duration, outputLimit: Int,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> CommandResult {
    let clock = ContinuousClock()
    let start = clock.now
    func failure(_ reason: String) -> CommandResult {
      CommandResult(
        output: "", exitStatus: nil, timedOut: false, truncated: false, launchFailure: reason,
        duration: clock.now - start)
    }
    guard let name = argv.first, !name.isEmpty else { return failure("empty command") }
    guard
      let executable = locate(name, path: environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin")
    else {
      return failure("command not found: \(name)")
    }

    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else {
      return failure("cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, writeEnd)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)

    let cArguments = argv.map { strdup($0) } + [nil]
    let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for argument in cArguments { free(argument) }
      for variable in cEnvironment { free(variable) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, cArguments, cEnvironment)
    close(writeEnd)
    guard spawned == 0 else {
      close(readEnd)
      return failure("cannot run \(name): \(String(cString: strerror(spawned)))")
    }

    let deadline = start + timeout
    var output = [UInt8]()
    var timedOut = false
    var truncated = false
    var buffer = [UInt8](repeating: 0, count: 65536)
    reading: while true {
      let remaining = deadline - clock.now
      if remaining <= .zero {
        timedOut = true
        break
      }
      var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(min(max(remaining.milliseconds, 1), 1000))
      let ready = poll(&descriptor, 1, milliseconds)
      if ready < 0 && errno == EINTR { continue }
      if ready <= 0 { continue }
      let count = read(readEnd, &buffer, buffer.count)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break reading }
      let room = outputLimit - output.count
      output.append(contentsOf: buffer[0..<min(count, room)])
      if count > room {
        truncated = true
        break
      }
    }
    close(readEnd)
    if timedOut || truncated { stopGroup(pid) }
    let status = reap(pid)
    return CommandResult(
      output: String(decoding: output, as: UTF8.self),
      exitStatus: timedOut || truncated ? nil : status, timedOut: timedOut, truncated: truncated,
      launchFailure: nil, duration: clock.now - start)
  }

  /// Runs `argv` only when `rules` allow it, checked here again whatever checked it before
  /// (``ArgvPolicy``): a refused command never starts, and the result's `launchFailure` says why.
  public static func run(
    _ argv: [String], allowedBy rules: [String: ProgramRules], timeout: Duration, outputLimit: Int,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> CommandResult {
    let violations = ArgvPolicy.violations(of: argv, rules: rules)
    guard violations.isEmpty else {
      return CommandResult(
        output: "", exitStatus: nil, timedOut: false, truncated: false,
        launchFailure: "refused: " + violations.map(\.message).joined(separator: "; "),
        duration: .zero)
    }
    return run(argv, timeout: timeout, outputLimit: outputLimit, environment: environment)
  }

  /// The executable `name` names: itself when it holds a `/`, else the first match on `path`.
  public static func locate(_ name: String, path: String) -> String? {
    if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/\(name)"
      var info = stat()
      if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0
      {
        return candidate
      }
    }
    return nil
  }

  /// SIGTERM to the whole group, SIGKILL to what is left after half a second.
  private static func stopGroup(_ pid: pid_t) {
    kill(-pid, SIGTERM)
    let clock = ContinuousClock()
    let deadline = clock.now + .milliseconds(500)
    while clock.now < deadline {
      if kill(-pid, 0) != 0 { return }
      var status: Int32 = 0
      _ = waitpid(pid, &status, WNOHANG)
      usleep(10_000)
    }
    kill(-pid, SIGKILL)
  }

  /// Waits for `pid`; its exit status, or nil when a signal ended it.
  private static func reap(_ pid: pid_t) -> Int32? {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      if errno != EINTR { return nil }
    }
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : nil
  }
}

extension Duration {
  fileprivate var milliseconds: Int {
    let (seconds, attoseconds) = components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }
}
