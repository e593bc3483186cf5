/// The structured part of a guide: everything the wizard, search and export read.
public struct GuideFrontMatter: Codable, Sendable, Hashable {
  /// The schema version; 1 today.
  public var schema: Int
  /// The guide's id, equal to its file name.
  public var id: String
  /// The title shown to readers.
  public var title: String
  /// One sentence that says what the error is.
  public var summary: String
  /// Kebab-case tags for grouping.
  public var tags: [String]
  /// The id of the family the guide belongs to (`Content/families.yaml`).
  public var family: String?
  /// The exact messages the guide explains.
  public var errors: [ErrorSignature]
  /// Sibling guides and how they differ.
  public var related: [RelatedGuide]
  /// The documentation pages the guide's facts were checked against.
  public var sources: [SourceLink]
  /// Ids of catalogue diagnostics the guide uses.
  public var diagnostics: [String]?
  /// The causes the decision tree can land on.
  public var causes: [Cause]
  /// The resolution steps the causes refer to.
  public var steps: [ResolutionStep]
  /// Questions only this guide asks.
  public var questions: [Question]?
  /// The decision tree.
  public var tree: DecisionTree
  /// Whether the error only ever follows another one (a channel used after the broker closed
  /// it): `scan` then names the error logged before it on the same connection.
  public var followOn: Bool?

  enum CodingKeys: String, CodingKey {
    case schema, id, title, summary, tags, family, errors, related, sources, diagnostics, causes,
      steps,
      questions, tree
    case followOn = "follow_on"
  }
}

/// A link to a sibling guide.
public struct RelatedGuide: Codable, Sendable, Hashable {
  /// The sibling's id.
  public var id: String
  /// One line on how it differs.
  public var how: String
}

/// A documentation page cited as a source.
public struct SourceLink: Codable, Sendable, Hashable {
  /// The page's title.
  public var title: String
  /// The page's address.
  public var url: String
}

/// A cause the troubleshooter can conclude.
public struct Cause: Codable, Sendable, Hashable {
  /// A stable kebab-case id.
  public var id: String
  /// The title, equal to its `###` heading under "Common causes".
  public var title: String
  /// The ids of the resolution steps for this cause, in order.
  public var steps: [String]
}

/// A resolution step, described in the body under its `###` heading.
public struct ResolutionStep: Codable, Sendable, Hashable {
  /// A stable kebab-case id.
  public var id: String
  /// The title, equal to its `###` heading under "Step-by-step resolution".
  public var title: String
}
