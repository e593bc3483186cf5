import Foundation
import GuideKit
import LogScan

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A captured support bundle: a folder of command outputs named as the catalogue's `evidence`
/// patterns say (for example `rabbitmqctl-list_connections-prod.txt`).
public struct EvidenceBundle: Sendable {
  /// The folder, as given.
  public let directory: String
  /// The regular files in the folder when it was opened, sorted.
  let fileNames: [String]

  /// Opens the folder at `directory` and lists its files.
  ///
  /// - Throws: `EvidenceBundleError` when the folder is missing, is a file, or cannot be listed.
  public init(directory: String) throws(EvidenceBundleError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw EvidenceBundleError(.missing, path: directory)
    }
    guard isDirectory.boolValue else { throw EvidenceBundleError(.notADirectory, path: directory) }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw EvidenceBundleError(.unreadable(error.localizedDescription), path: directory)
    }
    self.directory = directory
    fileNames = names.filter { name in
      var isFolder: ObjCBool = false
      let path = (directory as NSString).appendingPathComponent(name)
      return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        && !isFolder.boolValue
    }.sorted()
  }

  /// The names of the files that match any of `command`'s evidence patterns (shell-style, as
  /// `fnmatch` reads them), sorted; empty when it declares none.
  public func files(for command: DiagnosticCommand) -> [String] {
    let patterns = command.evidence ?? []
    return fileNames.filter { name in patterns.contains { fnmatch($0, name, 0) == 0 } }
  }

  /// The text of each file that `files(for:)` names, with the file name; unreadable files are
  /// left out.
  public func texts(for command: DiagnosticCommand) -> [(source: String, text: String)] {
    files(for: command).compactMap { name in
      let path = (directory as NSString).appendingPathComponent(name)
      return FileManager.default.contents(atPath: path).map {
        (name, String(decoding: $0, as: UTF8.self))
      }
    }
  }

  /// One reading per file that `files(for:)` names, each with the file name as its source. A
  /// file that cannot be read gives a reading whose problem says so.
  public func readings(for command: DiagnosticCommand, classifier: LogClassifier)
    -> [DiagnosticReading]
  {
    files(for: command).map { name in
      let path = (directory as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: path) else {
        return DiagnosticReading(
          diagnostic: command.id, source: name, facts: [], problem: "cannot read \(path)")
      }
      return OutputReader.read(
        String(decoding: data, as: UTF8.self), of: command, source: name, classifier: classifier)
    }
  }
}
