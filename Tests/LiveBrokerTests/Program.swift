import Foundation

/// Runs a program to its end (no shell) and captures what it printed.
struct Program {
  /// What one run printed and how it ended.
  struct Run: Sendable {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// A run's failure to start or to finish in time.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `path` with `arguments`, stdin empty, and stops it after `timeout` seconds.
  static func run(
    _ path: String, _ arguments: [String], environment: [String: String] = [:],
    timeout: TimeInterval = 120
  ) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["RMQ_DOCTOR_CACHE"] = "off"
    env.removeValue(forKey: "NO_COLOR")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    do { try start(process) } catch {
      throw Failure(description: "could not start \(path): \(error)")
    }
    let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    let errData = Collected()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      errData.set(err.fileHandleForReading.readDataToEndOfFile())
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    timer.cancel()
    if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM {
      throw Failure(
        description: "\(path) \(arguments.joined(separator: " ")) took more than \(Int(timeout)) s")
    }
    return Run(
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData.value, as: UTF8.self),
      status: process.terminationStatus)
  }

  /// Starts `process` with no signal blocked. Tests run on threads that block most signals,
  /// and a child inherits its parent thread's mask: a shell script that waits for its own child
  /// (`rabbitmq-server`'s wrapper does) never sees SIGCHLD and waits for ever.
  static func start(_ process: Process) throws {
    var none = sigset_t()
    sigemptyset(&none)
    var previous = sigset_t()
    pthread_sigmask(SIG_SETMASK, &none, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    try process.run()
  }

  /// The first executable called `name` on `PATH` (or the usual system folders).
  static func locate(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders =
      path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
    return folders.map { "\($0)/\(name)" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }
}

/// Bytes one thread collects for another.
final class Collected: @unchecked Sendable {
  private var data = Data()
  private let lock = NSLock()

  func set(_ value: Data) {
    lock.lock()
    data = value
    lock.unlock()
  }

  func append(_ value: Data) {
    lock.lock()
    data.append(value)
    lock.unlock()
  }

  var value: Data {
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}
