/// Everything in a content directory: guides, shared questions, diagnostics and the allow-list.
public struct ContentLibrary: Sendable {
  /// The directory it was loaded from.
  public let directory: String
  /// The guides, sorted by id.
  public let guides: [Guide]
  /// The shared questions, sorted by id, with the files they came from.
  public let sharedQuestions: [Located<Question>]
  /// The diagnostics catalogue, sorted by id, with the files they came from.
  public let diagnostics: [Located<DiagnosticCommand>]
  /// The allowed programs.
  public let allowList: Located<AllowList>?
  /// The guide families of `families.yaml`, in their order; `nil` when the file is absent or
  /// did not load.
  public let families: Located<GuideFamilies>?
  /// Whether the folder has a `families.yaml`, loaded or not.
  public let hasFamiliesFile: Bool

  /// The guide with `id`, if there is one.
  public func guide(_ id: String) -> Guide? {
    guides.first { $0.id == id }
  }

  /// The family `id`, if `families.yaml` declares it.
  public func family(_ id: String) -> GuideFamily? {
    families?.value.families.first { $0.id == id }
  }

  /// The diagnostic with `id`, if there is one.
  public func diagnostic(_ id: String) -> DiagnosticCommand? {
    diagnostics.first { $0.value.id == id }?.value
  }

  /// The question `id` as `guide` sees it: its own questions first, then the shared ones.
  public func question(_ id: String, in guide: Guide) -> Question? {
    guide.frontMatter.questions?.first { $0.id == id }
      ?? sharedQuestions.first { $0.value.id == id }?.value
  }
}

/// A value decoded from a YAML file, kept with the file so lint can point into it.
public struct Located<Value: Sendable>: Sendable {
  /// The decoded value.
  public let value: Value
  /// The YAML it came from.
  public let yaml: YAMLDocument
}
