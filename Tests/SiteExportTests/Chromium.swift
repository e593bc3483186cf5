import Foundation
import Testing

/// Debian's `chromium` in headless mode, run once per page load.
///
/// On a developer machine without chromium the browser tests are skipped; under `CI=true` a
/// missing chromium is a failure (`.ci/install-deps` installs it).
enum Chromium {
  /// The browser's path, if it is installed.
  static let path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(
      separator: ":")
    for name in ["chromium", "chromium-browser"] {
      for directory in directories
      where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        return "\(directory)/\(name)"
      }
    }
    return nil
  }()

  static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// Whether the browser tests run: chromium is here, or CI requires it.
  static var shouldRun: Bool { path != nil || isCI }

  /// What one page load left: the DOM after the scripts ran, and the console lines.
  struct Load {
    var dom: String
    var console: [String]
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Loads `url`, lets its scripts run, and returns the DOM and every console line.
  static func load(_ url: String, arguments: [String] = []) throws -> Load {
    let output = try run(["--virtual-time-budget=5000", "--dump-dom"] + arguments + [url])
    let console = output.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(
      String.init)
    return Load(dom: output.stdout, console: console)
  }

  /// Saves a screenshot of `url` to `file`.
  static func screenshot(_ url: String, to file: String, width: Int = 1000, height: Int = 1400)
    throws
  {
    _ = try run([
      "--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(file)", url,
    ])
    guard FileManager.default.fileExists(atPath: file) else {
      throw Failure(description: "no screenshot at \(file)")
    }
  }

  private static func run(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
    guard let path else {
      throw Failure(description: "chromium is not installed; CI requires it (run .ci/install-deps)")
    }
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-doctor-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--enable-logging=stderr", "--v=0", "--user-data-dir=\(profile.path)",
      ] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let collected = ErrorText()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      collected.data = err.fileHandleForReading.readDataToEndOfFile()
    }
    let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: timer)
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    timer.cancel()
    return (
      String(decoding: stdout, as: UTF8.self), String(decoding: collected.data, as: UTF8.self)
    )
  }

  /// `text` with the entities an HTML serialiser writes in text undone.
  static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
        of: "&nbsp;", with: "\u{a0}"
      )
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// The first capture group of `pattern` in `text`, at every match.
  static func captures(_ pattern: String, in text: String) -> [String] {
    guard
      let expression = try? NSRegularExpression(
        pattern: pattern, options: [.dotMatchesLineSeparators])
    else { return [] }
    return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
      Range($0.range(at: 1), in: text).map { String(text[$0]) }
    }
  }
}

/// Bytes one thread collects for another, which reads them only after waiting for it.
private final class ErrorText: @unchecked Sendable {
  var data = Data()
}
