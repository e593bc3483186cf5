import Foundation
import GuideKit

/// The content the engine tests walk: the shipped guides and the small fixture library.
enum ContentPaths {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let shipped = repository.appendingPathComponent("Content").path
  static let fixture = repository.appendingPathComponent("Tests/GuideKitTests/Fixtures/content")
    .path

  static func library(_ path: String) throws -> ContentLibrary {
    let loaded = try ContentLoader.load(directory: path)
    guard loaded.errors.isEmpty else { throw NotClean(errors: "\(loaded.errors)") }
    return loaded.library
  }

  /// Content that loaded with errors: the tests that need it fail, the runner goes on.
  struct NotClean: Error, CustomStringConvertible {
    let errors: String
    var description: String { "the content has errors: \(errors)" }
  }
}
