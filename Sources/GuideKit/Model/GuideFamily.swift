/// A family of guides (connections, channels, alarms and limits, ...): how the site's
/// navigation and index group the guides. Declared in `Content/families.yaml`, in reading order.
public struct GuideFamily: Codable, Sendable, Hashable {
  /// Kebab-case id that a guide's `family:` names.
  public var id: String
  /// The family's name as readers see it.
  public var title: String
  /// One sentence that says which errors belong to it.
  public var summary: String
}

/// The contents of `Content/families.yaml`.
public struct GuideFamilies: Codable, Sendable, Hashable {
  /// The schema version; 1 today.
  public var schema: Int
  /// The families, in the order the site shows them.
  public var families: [GuideFamily]
}
