import ErrorSearch
import Foundation
import GuideKit
import LogScan
import TestSupport
import Testing

/// The shipped guides' classifier and small helpers for scanning text and files.
enum ScanSupport {
  static let library: ContentLibrary? = try? ContentLoader.load(
    directory: Fixtures.content.path
  ).library

  static let classifier = LogClassifier(
    index: SearchIndex(documents: library?.searchDocuments ?? []))

  /// The report of `text` scanned as one file.
  static func scan(_ text: String, window: ScanWindow = ScanWindow(), year: Int = 2026)
    -> ScanReport
  {
    scan(bytes: Array(text.utf8), window: window, year: year)
  }

  static func scan(bytes: [UInt8], window: ScanWindow = ScanWindow(), year: Int = 2026)
    -> ScanReport
  {
    let scanner = LogScanner(classifier: classifier, window: window, year: year)
    var source = MemorySource(bytes)
    scanner.scan(&source, name: "test.log")
    return scanner.report()
  }

  /// The report of the files at `paths`.
  static func scan(paths: [String]) -> ScanReport {
    let scanner = LogScanner(classifier: classifier, year: 2026)
    for path in paths { scanner.scan(path: path) }
    return scanner.report()
  }

  /// The count of every guide, unclassified entries under `unclassified`.
  static func counts(_ report: ScanReport) -> [String: Int] {
    var counts = Dictionary(uniqueKeysWithValues: report.guides.map { ($0.id, $0.count) })
    if report.unclassified > 0 { counts[ScanReport.unclassified] = report.unclassified }
    return counts
  }

  /// The text of the real broker capture `name`; the test fails when it is missing.
  static func fixture(_ name: String) throws -> String { try Fixtures.text(name) }

  /// The path of the real broker capture `name`; the test fails when it is missing.
  static func fixturePath(_ name: String) throws -> String { try Fixtures.path(name) }

  /// A new empty folder, removed by the caller.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-scan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `program` with `arguments`; its standard output goes to `output` when given.
  static func run(_ program: String, _ arguments: [String], output: URL? = nil) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if let output {
      FileManager.default.createFile(atPath: output.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: output)
    }
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(program) \(arguments) failed")
  }
}
