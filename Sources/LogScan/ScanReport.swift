/// What a scan found, ready to print or to encode as JSON. Everything in it is sorted, so the
/// same input always gives the same report.
public struct ScanReport: Codable, Sendable, Equatable {
  /// The key under which entries that match no guide are counted.
  public static let unclassified = "unclassified"
  /// How many values a top list shows.
  public static let topCount = 5

  /// A value and how often it was seen.
  public struct Count: Codable, Sendable, Equatable {
    public var value: String
    public var count: Int

    public init(value: String, count: Int) {
      self.value = value
      self.count = count
    }
  }

  /// Where an entry was logged, and its text (clipped).
  public struct Example: Codable, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var time: String?
    public var text: String
  }

  /// One guide's entries.
  public struct Guide: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var count: Int
    public var firstSeen: String?
    public var lastSeen: String?
    public var topPeers: [Count]
    public var topSubnets: [Count]
    public var topUsers: [Count]
    public var topVhosts: [Count]
    /// The first entries.
    public var examples: [Example]
    /// The last entries, oldest first: what an incident is usually about.
    public var latest: [Example]
    /// For a guide whose errors follow another one: the guides of the errors logged just
    /// before them on the same connection, most first. Those are what to read.
    public var firstErrors: [Count]?
  }

  /// The entries of one hour, by guide.
  public struct Hour: Codable, Sendable, Equatable {
    /// The hour's start, `2026-11-23T04:00:00Z`.
    public var hour: String
    public var count: Int
    public var guides: [Count]
  }

  /// Unclassified entries of one shape.
  public struct Shape: Codable, Sendable, Equatable {
    /// The entry's text with numbers and quoted values masked.
    public var shape: String
    public var count: Int
    public var firstSeen: String?
    public var lastSeen: String?
    public var example: Example
  }

  /// One value of a dimension (`--by peer` …), with its entries by guide.
  public struct Group: Codable, Sendable, Equatable {
    public var value: String
    public var count: Int
    public var guides: [Count]
  }

  public var files: [FileSummary]
  public var since: String?
  public var until: String?
  /// Entries at warning level or worse inside the window.
  public var entries: Int
  public var classified: Int
  public var unclassified: Int
  /// Entries left out because they fall outside `--since`/`--until` (or have no time).
  public var outsideWindow: Int
  /// Guides by entry count, most first; unclassified entries are not among them.
  public var guides: [Guide]
  public var hours: [Hour]
  /// Unclassified entries by shape, most first.
  public var unclassifiedShapes: [Shape]
  /// Unclassified entries whose shape did not fit in the table.
  public var otherUnclassified: Int
  /// Entries by peer, subnet, user and vhost, most first.
  public var peers: [Group]
  public var subnets: [Group]
  public var users: [Group]
  public var vhosts: [Group]
  /// Per dimension, the entries whose value was dropped from the tables above to keep their
  /// size bounded (only when a dimension had more distinct values than the tables keep).
  public var dropped: [Count]

  /// The report of `tally`.
  init(_ tally: ScanTally, window: ScanWindow, titles: (String) -> String) {
    files = tally.files
    since = window.since.map(LogTime.iso8601)
    until = window.until.map(LogTime.iso8601)
    entries = tally.entries
    unclassified = tally.guides[Self.unclassified]?.count ?? 0
    classified = entries - unclassified
    outsideWindow = tally.outsideWindow
    let dimensions = tally.dimensions
    func top(_ dimension: ScanDimension, _ guide: String) -> [Count] {
      let counts = (dimensions[dimension] ?? [:]).compactMap { value, byGuide in
        byGuide[guide].map { Count(value: value, count: $0) }
      }
      return Array(Self.sorted(counts).prefix(Self.topCount))
    }
    guides = tally.guides.filter { $0.key != Self.unclassified }.map { id, guide in
      Guide(
        id: id, title: titles(id), count: guide.count, firstSeen: guide.first.map(LogTime.iso8601),
        lastSeen: guide.last.map(LogTime.iso8601), topPeers: top(.peer, id),
        topSubnets: top(.subnet, id), topUsers: top(.user, id), topVhosts: top(.vhost, id),
        examples: guide.examples.map(Self.example), latest: guide.latest.map(Self.example),
        firstErrors: guide.firstErrors.isEmpty
          ? nil : Self.sorted(guide.firstErrors.map { Count(value: $0.key, count: $0.value) }))
    }
    .sorted { ($0.count, $1.id) > ($1.count, $0.id) }
    hours = tally.hours.sorted { $0.key < $1.key }.map { hour, byGuide in
      Hour(
        hour: LogTime.iso8601(hour * 3600), count: byGuide.values.reduce(0, +),
        guides: Self.sorted(byGuide.map { Count(value: $0.key, count: $0.value) }))
    }
    unclassifiedShapes = tally.shapes.map { shape, tally in
      Shape(
        shape: shape, count: tally.count, firstSeen: tally.first.map(LogTime.iso8601),
        lastSeen: tally.last.map(LogTime.iso8601), example: Self.example(tally.example))
    }
    .sorted { ($0.count, $1.shape) > ($1.count, $0.shape) }
    otherUnclassified = tally.otherShapes
    func groups(_ dimension: ScanDimension) -> [Group] {
      (dimensions[dimension] ?? [:]).map { value, byGuide in
        Group(
          value: value, count: byGuide.values.reduce(0, +),
          guides: Self.sorted(byGuide.map { Count(value: $0.key, count: $0.value) }))
      }
      .sorted { ($0.count, $1.value) > ($1.count, $0.value) }
    }
    peers = groups(.peer)
    subnets = groups(.subnet)
    users = groups(.user)
    vhosts = groups(.vhost)
    dropped = Self.sorted(tally.otherValues.map { Count(value: $0.key.rawValue, count: $0.value) })
  }

  /// The groups of `dimension`.
  public func groups(_ dimension: ScanDimension) -> [Group] {
    switch dimension {
    case .peer: peers
    case .subnet: subnets
    case .user: users
    case .vhost: vhosts
    }
  }

  /// The guide `id`'s entries, if it has any.
  public func guide(_ id: String) -> Guide? { guides.first { $0.id == id } }

  static func sorted(_ counts: [Count]) -> [Count] {
    counts.sorted { ($0.count, $1.value) > ($1.count, $0.value) }
  }

  static let exampleLength = 1_000

  static func example(_ entry: LogEntry) -> Example {
    let text = entry.text
    return Example(
      file: entry.file, line: entry.line, time: entry.time.map(LogTime.iso8601),
      text: text.count > exampleLength ? String(text.prefix(exampleLength)) + "…" : text)
  }
}
