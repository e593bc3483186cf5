import Foundation
import GuideKit

/// The content the engine tests walk: the shipped guides and the small fixture library.
enum ContentPaths {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let shipped = repository.appendingPathComponent("Content").path
  static let fixture = repository.appendingPathComponent("Tests/GuideKitTests/Fixtures/content").path

  static func library(_ path: String) throws -> ContentLibrary {
    let loaded = try ContentLoader.load(directory: path)
    precondition(loaded.errors.isEmpty, "\(loaded.errors)")
    return loaded.library
  }
}
