import Foundation
import _Parallel

/// Loads a content directory, collecting every file's error instead of stopping at the first.
public enum ContentLoader {
  /// What loading produced: the files that loaded, and the errors of those that did not.
  public struct Result: Sendable {
    /// The content that loaded.
    public let library: ContentLibrary
    /// One error per file that did not load.
    public let errors: [ContentError]
  }

  /// Loads `directory`; throws only when the directory itself is unusable.
  public static func load(directory: String) throws(ContentError) -> Result {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw ContentError(.missingDirectory, at: FileLocation(path: directory))
    }
    let guidesDirectory = join(directory, "guides")
    guard FileManager.default.fileExists(atPath: guidesDirectory) else {
      throw ContentError(.notAContentDirectory, at: FileLocation(path: directory))
    }
    var errors: [ContentError] = []

    // The guides load on every core; the results keep the files' order.
    var guides: [Guide] = []
    let loaded = files(in: guidesDirectory, ending: ".md").concurrentMap { path in
      Swift.Result { () throws(ContentError) in try loadGuide(path) }
    }
    for outcome in loaded {
      switch outcome {
      case .success(let guide): guides.append(guide)
      case .failure(let error): errors.append(error)
      }
    }
    let questions: [Located<Question>] = loadAll(
      files(in: join(directory, "questions"), ending: ".yaml"), errors: &errors)
    let diagnostics: [Located<DiagnosticCommand>] = loadAll(
      files(in: join(directory, "diagnostics"), ending: ".yaml"), errors: &errors)
    let allowListPath = join(directory, "allowlist.yaml")
    var allowList: Located<AllowList>?
    if FileManager.default.fileExists(atPath: allowListPath) {
      let loaded: [Located<AllowList>] = loadAll([allowListPath], errors: &errors)
      allowList = loaded.first
    } else {
      errors.append(
        ContentError(.unreadable("no such file"), at: FileLocation(path: allowListPath)))
    }

    // The families are optional: a content folder without them shows its guides ungrouped.
    let familiesPath = join(directory, "families.yaml")
    var families: Located<GuideFamilies>?
    let hasFamiliesFile = FileManager.default.fileExists(atPath: familiesPath)
    if hasFamiliesFile {
      let loaded: [Located<GuideFamilies>] = loadAll([familiesPath], errors: &errors)
      families = loaded.first
    }

    let library = ContentLibrary(
      directory: directory,
      guides: guides.sorted { $0.id < $1.id },
      sharedQuestions: questions.sorted { $0.value.id < $1.value.id },
      diagnostics: diagnostics.sorted { $0.value.id < $1.value.id },
      allowList: allowList, families: families,
      hasFamiliesFile: hasFamiliesFile)
    return Result(library: library, errors: errors)
  }

  /// Loads one guide file.
  public static func loadGuide(_ path: String) throws(ContentError) -> Guide {
    let text = try TextFile.read(path)
    let split = try FrontMatterSplit(text: text, path: path)
    let yaml = try YAMLDocument(text: split.yaml, path: path, lineOffset: 1)
    let frontMatter = try yaml.decode(GuideFrontMatter.self)
    let body = GuideBody(markdown: split.body, lineOffset: split.bodyLineOffset)
    return Guide(frontMatter: frontMatter, body: body, path: path, yaml: yaml)
  }

  private static func loadAll<Value: Codable & Sendable>(
    _ paths: [String], errors: inout [ContentError]
  ) -> [Located<Value>] {
    var result: [Located<Value>] = []
    for path in paths {
      do {
        let yaml = try YAMLDocument(text: try TextFile.read(path), path: path)
        result.append(Located(value: try yaml.decode(Value.self), yaml: yaml))
      } catch {
        errors.append(error)
      }
    }
    return result
  }

  /// The files in `directory` whose names end in `suffix`, sorted; hidden files are skipped.
  static func files(in directory: String, ending suffix: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted()
      .map { join(directory, $0) }
  }

  static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
