import Foundation
import TestSupport

/// Runs a program to its end (no shell), with optional standard input, and captures its output.
enum Runner {
  struct Run {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func run(
    _ path: String, _ arguments: [String], input: Data? = nil, timeout: TimeInterval = 120
  ) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["RMQ_DOCTOR_CACHE"] = "off"
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
    do { try process.run() } catch {
      throw Failure(description: "could not start \(path): \(error)")
    }
    let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    let errData = Box()
    let writer = DispatchGroup()
    DispatchQueue.global().async(group: writer) {
      errData.data = err.fileHandleForReading.readDataToEndOfFile()
    }
    if let input {
      DispatchQueue.global().async(group: writer) {
        try? inPipe.fileHandleForWriting.write(contentsOf: input)
        try? inPipe.fileHandleForWriting.close()
      }
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    writer.wait()
    process.waitUntilExit()
    timer.cancel()
    return Run(
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData.data, as: UTF8.self),
      status: process.terminationStatus)
  }

  /// `rmq-doctor COMMAND --content <the repository's Content> ARGUMENTS`.
  static func cli(_ command: String, _ arguments: [String]) throws -> Run {
    try run(BuiltBinary.path, [command, "--content", Fixtures.content.path] + arguments)
  }

  private final class Box: @unchecked Sendable { var data = Data() }
}
