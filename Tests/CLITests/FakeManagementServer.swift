import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A misbehaving management API on 127.0.0.1: `Tests/Fixtures/lab/fake_management.py` in one of
/// its modes, run by `python3`. Call ``stop()`` in a `defer` right after starting it; the script
/// also exits on its own when this process dies, as its stdin then closes.
final class FakeManagementServer: @unchecked Sendable {
  /// The script.
  static let script = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/lab/fake_management.py").path

  /// The port it listens on.
  let port: Int
  private let process: Process
  private let input: Pipe
  private let output: LineCollector

  /// Starts the script in `mode` (`tls` needs `directory` for its certificate) and waits for
  /// its port.
  init(mode: String, directory: String? = nil) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Self.script, mode] + (directory.map { ["--dir", $0] } ?? [])
    let input = Pipe()
    let out = Pipe()
    process.standardInput = input
    process.standardOutput = out
    process.standardError = FileHandle.standardError
    try process.run()
    self.process = process
    self.input = input
    output = LineCollector(out.fileHandleForReading)
    // Generating the TLS key takes openssl well under a second; 10 s is for a loaded machine.
    guard let first = output.line(0, waitingUpTo: 10), let port = Int(first) else {
      process.terminate()
      process.waitUntilExit()
      throw FakeServerError(description: "fake_management.py \(mode) did not print its port")
    }
    self.port = port
  }

  /// `http://127.0.0.1:PORT` or the `https` one.
  func url(scheme: String = "http") -> String { "\(scheme)://127.0.0.1:\(port)" }

  /// The bytes the server wrote to each connection that ended, waiting up to `seconds` for the
  /// first to end.
  func bytesSent(waitingUpTo seconds: Double = 5) -> [Int] {
    _ = output.line(1, waitingUpTo: seconds)
    return output.lines.dropFirst().compactMap { line in
      line.hasPrefix("sent ") ? Int(line.dropFirst(5)) : nil
    }
  }

  /// The targets asked of the `paged` mode so far (`/api/connections?...&page=2&page_size=500`).
  func requests() -> [String] {
    output.lines.compactMap { $0.hasPrefix("GET ") ? String($0.dropFirst(4)) : nil }
  }

  /// Stops the script and waits for it.
  func stop() {
    try? input.fileHandleForWriting.close()
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
  }
}

struct FakeServerError: Error, CustomStringConvertible {
  var description: String
}

/// The lines a child writes on a pipe, read on a thread of their own.
private final class LineCollector: @unchecked Sendable {
  private let condition = NSCondition()
  private var buffer = Data()
  private var ended = false

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      while true {
        let data = handle.availableData
        condition.lock()
        if data.isEmpty { ended = true } else { buffer.append(data) }
        condition.broadcast()
        condition.unlock()
        if data.isEmpty { return }
      }
    }
  }

  /// The complete lines so far.
  var lines: [String] {
    condition.lock()
    defer { condition.unlock() }
    return completeLines()
  }

  /// Line `index` (from 0), once it is complete; `nil` when it does not come within `seconds`.
  func line(_ index: Int, waitingUpTo seconds: Double) -> String? {
    let deadline = Date().addingTimeInterval(seconds)
    condition.lock()
    defer { condition.unlock() }
    while true {
      let lines = completeLines()
      if index < lines.count { return lines[index] }
      if ended || !condition.wait(until: deadline) { return nil }
    }
  }

  private func completeLines() -> [String] {
    var lines = String(decoding: buffer, as: UTF8.self).components(separatedBy: "\n")
    lines.removeLast()  // the part after the last newline, not yet a line
    return lines
  }
}

/// Running the binary with its peak memory measured: `posix_spawn` and `wait4`, as Foundation's
/// `Process` does not report resource use.
enum MeasuredRun {
  struct Result {
    var run: Binary.Run
    /// The child's peak resident set size, in KiB.
    var maxResidentKiB: Int
    /// Wall-clock seconds from start to exit.
    var seconds: Double
  }

  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-measured-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outPath = scratch.appendingPathComponent("stdout").path
    let errPath = scratch.appendingPathComponent("stderr").path

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // Nothing else of this process's (other tests' pipes among them) is inherited, where glibc
    // (2.34 and later) offers it; Swift's Glibc module does not declare it.
    typealias AddCloseFrom =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
      _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
    }

    let argv = ([Binary.path] + arguments).map { strdup($0) } + [nil]
    let envp = Binary.environment(environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for argument in argv { free(argument) }
      for variable in envp { free(variable) }
    }
    var pid: pid_t = 0
    let started = Date()
    let spawned = posix_spawn(&pid, Binary.path, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw FakeServerError(description: "posix_spawn: \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = Date().timeIntervalSince(started)
    // WIFEXITED / WEXITSTATUS; a signal is reported as 128 + its number, as shells do.
    let exit = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let run = Binary.Run(
      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
      status: exit)
    return Result(run: run, maxResidentKiB: Int(usage.ru_maxrss), seconds: seconds)
  }
}

/// A local TCP port that nobody listens on: bound to port 0, read, and closed again.
func freeLocalPort() throws -> Int {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard fd >= 0 else {
    throw FakeServerError(description: "socket: \(String(cString: strerror(errno)))")
  }
  defer { close(fd) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = 0
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
      bind(fd, address, length) == 0 && getsockname(fd, address, &length) == 0
    }
  }
  guard bound else {
    throw FakeServerError(description: "bind: \(String(cString: strerror(errno)))")
  }
  return Int(UInt16(bigEndian: address.sin_port))
}
