import Foundation
import GuideKit
import SiteExport
import Testing

/// Content and temporary folders for the export tests.
enum TestSite {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let shippedContent = repository.appendingPathComponent("Content").path
  static let fixtureContent = repository.appendingPathComponent(
    "Tests/GuideKitTests/Fixtures/content"
  ).path

  /// A new, empty temporary directory, not yet created below it: `<dir>/parent`.
  static func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("rmq-doctor-export-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// The content in `directory`, which must load without errors.
  static func library(_ directory: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> ContentLibrary
  {
    let result = try ContentLoader.load(directory: directory)
    #expect(result.errors.isEmpty, "\(result.errors)", sourceLocation: sourceLocation)
    return result.library
  }

  /// The shipped guides exported once into a temporary `site` folder, shared by the tests.
  static let shippedSite: Result<String, any Error> = Result { try exportShipped().path }

  /// The shipped guides exported into a new temporary `site` folder, with the library they
  /// came from: for a suite that needs a site of its own.
  static func exportShipped() throws -> (path: String, library: ContentLibrary) {
    let library = try library(shippedContent)
    let out = try temporaryDirectory() + "/site"
    try SiteExporter(library: library).export(to: out)
    return (out, library)
  }

  /// Every file under `directory`, relative path to bytes.
  static func snapshot(_ directory: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: directory) else { return files }
    for case let path as String in walker {
      var isDirectory: ObjCBool = false
      let full = directory + "/" + path
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files[path] = FileManager.default.contents(atPath: full)
      } else {
        files[path + "/"] = Data()
      }
    }
    return files
  }
}
