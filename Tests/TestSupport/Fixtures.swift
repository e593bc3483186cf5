import Foundation

/// The data the tests read, all of it inside this repository (`Tests/Fixtures`): the real broker
/// captures, the project's own captures and the labelled dev lines.
public enum Fixtures {
  /// The repository this file belongs to.
  public static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `Tests/Fixtures`.
  public static let folder = repository.appendingPathComponent("Tests/Fixtures")

  /// Real outputs of RabbitMQ 3.10.8, pika and Linux tools (`Tests/Fixtures/broker-3.10`).
  public static let broker = folder.appendingPathComponent("broker-3.10")

  /// The project's own captures (`Tests/Fixtures/captures`).
  public static let captures = folder.appendingPathComponent("captures")

  /// The labelled real-world error lines (`Tests/Fixtures/eval`).
  public static let eval = folder.appendingPathComponent("eval")

  /// The shipped content (`Content`).
  public static let content = repository.appendingPathComponent("Content")

  /// The path of `name` in `directory`, when that file can be read.
  ///
  /// - Throws: ``Missing`` naming the path, so that the one test that needs it fails with a
  ///   one-line reason and the others go on.
  public static func path(_ name: String, in directory: URL = broker) throws -> String {
    let path = directory.appendingPathComponent(name).path
    guard FileManager.default.isReadableFile(atPath: path) else { throw Missing(path: path) }
    return path
  }

  /// The bytes of `name` in `directory`.
  ///
  /// - Throws: ``Missing`` when the file cannot be read.
  public static func data(_ name: String, in directory: URL = broker) throws -> Data {
    let path = try path(name, in: directory)
    guard let data = FileManager.default.contents(atPath: path) else { throw Missing(path: path) }
    return data
  }

  /// The text of `name` in `directory` (invalid UTF-8 repaired).
  ///
  /// - Throws: ``Missing`` when the file cannot be read.
  public static func text(_ name: String, in directory: URL = broker) throws -> String {
    String(decoding: try data(name, in: directory), as: UTF8.self)
  }

  /// A fixture that is not there or cannot be read.
  public struct Missing: Error, CustomStringConvertible {
    /// The path that was looked for.
    public let path: String
    public var description: String {
      "missing fixture \(path) (every fixture lives in Tests/Fixtures)"
    }
  }
}
