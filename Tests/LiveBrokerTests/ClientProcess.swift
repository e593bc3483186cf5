import Foundation

/// One of the Python test clients (`Clients/live_client.py`, `Clients/channel_client.py`),
/// running in the background.
final class ClientProcess: @unchecked Sendable {
  /// The connection family's client script beside this file.
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Clients/live_client.py").path
  /// The channel family's client script beside this file.
  static let channelScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Clients/channel_client.py").path
  /// The alarms and limits family's client script beside this file.
  static let limitsScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Clients/limits_client.py").path

  let arguments: [String]
  private let process = Process()
  private let input = Pipe()
  private let stdout = Collected()
  private let stderr = Collected()

  /// Starts `script` (`live_client.py` unless given) with `arguments` on `python`.
  init(python: String, _ arguments: [String], script: String = ClientProcess.script) throws {
    self.arguments = arguments
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-u", script] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    let stdout = stdout
    let stderr = stderr
    out.fileHandleForReading.readabilityHandler = { Self.collect($0, into: stdout) }
    err.fileHandleForReading.readabilityHandler = { Self.collect($0, into: stderr) }
    try Program.start(process)
  }

  private static func collect(_ handle: FileHandle, into collected: Collected) {
    let data = handle.availableData
    if data.isEmpty { handle.readabilityHandler = nil } else { collected.append(data) }
  }

  /// The local port the client announced (`port=N` on its stdout), waiting up to `timeout`.
  func port(timeout: TimeInterval = 15) throws -> Int {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let text = String(decoding: stdout.value, as: UTF8.self)
      if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("port=") }),
        let port = Int(line.dropFirst("port=".count))
      {
        return port
      }
      if !process.isRunning && !text.contains("port=") { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Program.Failure(
      description: "client \(arguments.joined(separator: " ")) announced no port; stderr: \(errors)"
    )
  }

  /// Closes the client's stdin (a `hold` client then closes its connection cleanly) and waits
  /// up to `timeout` for it to end; a client still running then is terminated.
  func finish(timeout: TimeInterval = 15) {
    try? input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
  }

  /// Waits up to `timeout` for the client to end by itself; terminates it after that.
  func waitForExit(timeout: TimeInterval) {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    finish(timeout: 1)
  }

  /// What the client printed on stderr: its progress and the exception it saw.
  var errors: String { String(decoding: stderr.value, as: UTF8.self) }

  /// The last line the client printed on stderr.
  var lastError: String {
    errors.split(separator: "\n").last.map(String.init) ?? ""
  }
}
