import Foundation
import Testing

@testable import GuideKit

/// A copy of the test fixture content in a temporary directory, to break on purpose.
struct ScratchContent {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/content").path

  let directory: String

  init() throws {
    directory =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("rmq-doctor-tests-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: Self.fixture, toPath: directory)
  }

  /// Replaces the first occurrence of `old` in `file` with `new`; `old` must be there.
  func replace(
    _ old: String, with new: String, in file: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let path = directory + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let range = try #require(
      text.range(of: old), "'\(old)' is not in \(file)", sourceLocation: sourceLocation)
    try text.replacingCharacters(in: range, with: new).write(
      toFile: path, atomically: true, encoding: .utf8)
  }

  /// Writes `data` to `file`.
  func write(_ data: Data, to file: String) throws {
    try data.write(to: URL(fileURLWithPath: directory + "/" + file))
  }

  /// Loads and lints the copy.
  func lint(strict: Bool = false) throws -> [LintFinding] {
    Linter(strict: strict).lint(try ContentLoader.load(directory: directory))
  }

  /// The one error lint reports, checked to sit in `file` at `line` and to mention `words`.
  @discardableResult
  func expectOneError(
    in file: String, line: Int? = nil, mentioning words: String, strict: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> LintFinding {
    let errors = try lint(strict: strict).filter { $0.severity == .error }
    #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
    let error = try #require(errors.first, sourceLocation: sourceLocation)
    #expect(error.location.path == directory + "/" + file, sourceLocation: sourceLocation)
    if let line { #expect(error.location.line == line, "\(error)", sourceLocation: sourceLocation) }
    #expect(error.message.contains(words), "\(error)", sourceLocation: sourceLocation)
    return error
  }

  func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
