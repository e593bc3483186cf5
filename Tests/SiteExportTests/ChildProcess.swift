import Foundation

/// Runs a program to its end (no shell) with a time limit, and captures its output.
enum ChildProcess {
  struct Outcome {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `path` with `arguments`, standard input empty; terminates it after `timeout` seconds.
  static func run(_ path: String, _ arguments: [String], timeout: TimeInterval) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch {
      throw Failure(description: "could not start \(path): \(error)")
    }
    let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    let errors = Collected()
    let reader = DispatchGroup()
    DispatchQueue.global().async(group: reader) {
      errors.data = err.fileHandleForReading.readDataToEndOfFile()
    }
    let output = out.fileHandleForReading.readDataToEndOfFile()
    reader.wait()
    process.waitUntilExit()
    timer.cancel()
    return Outcome(
      stdout: String(decoding: output, as: UTF8.self),
      stderr: String(decoding: errors.data, as: UTF8.self),
      status: process.terminationStatus)
  }

  /// Bytes one thread collects for another, which reads them only after waiting for it.
  private final class Collected: @unchecked Sendable {
    var data = Data()
  }
}
