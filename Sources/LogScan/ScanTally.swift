/// The running counts of a scan. Every table has a size limit, so that memory stays the same
/// however long the log is; what does not fit is counted as "other".
struct ScanTally {
  /// How many distinct values one dimension (peers, users, …) keeps. Counts are exact below
  /// this; when it is reached, the least-seen half is dropped to make room, so that values
  /// seen often stay and the memory stays the same.
  static let valueLimit = 1_000
  /// How many distinct unclassified shapes are kept.
  static let shapeLimit = 1_000
  /// How many example entries a guide keeps.
  static let exampleLimit = 3
  /// How many connections' last errors are remembered for linking follow-on errors; when full
  /// the memory starts again (a follow-on error then counts as having no known first error).
  static let connectionLimit = 20_000
  /// The first error of a follow-on entry whose connection logged nothing before it.
  static let noFirstError = "(none logged before it)"

  struct Guide {
    var count = 0
    var first: Int64?
    var last: Int64?
    var examples: [LogEntry] = []
    /// The last entries, oldest first.
    var latest: [LogEntry] = []
    /// For a follow-on guide: the guides of the errors logged before its entries on the same
    /// connection, with counts.
    var firstErrors: [String: Int] = [:]
  }

  struct Shape {
    var count = 0
    var first: Int64?
    var last: Int64?
    var example: LogEntry
  }

  var files: [FileSummary] = []
  var entries = 0
  var outsideWindow = 0
  var guides: [String: Guide] = [:]
  var shapes: [String: Shape] = [:]
  var otherShapes = 0
  /// Per dimension, value → guide (or `ScanReport.unclassified`) → count.
  var dimensions: [ScanDimension: [String: [String: Int]]] = [:]
  var otherValues: [ScanDimension: Int] = [:]
  /// Hour (seconds since 1970 / 3600) → guide → count.
  var hours: [Int64: [String: Int]] = [:]
  /// Connection process id → the guide of the last error that was not a follow-on one.
  var lastErrorOnConnection: [String: String] = [:]

  mutating func record(
    _ entry: LogEntry, guide: String?, shape: String, details: ConnectionDetails,
    followOn: Bool = false
  ) {
    entries += 1
    let key = guide ?? ScanReport.unclassified
    var tally = guides[key] ?? Guide()
    tally.count += 1
    if followOn {
      let first = details.connection.flatMap { lastErrorOnConnection[$0] } ?? Self.noFirstError
      tally.firstErrors[first, default: 0] += 1
    } else if let guide, let connection = details.connection {
      if lastErrorOnConnection.count >= Self.connectionLimit {
        lastErrorOnConnection.removeAll(keepingCapacity: true)
      }
      lastErrorOnConnection[connection] = guide
    }
    if let time = entry.time {
      tally.first = min(tally.first ?? time, time)
      tally.last = max(tally.last ?? time, time)
      hours[Self.hour(time), default: [:]][key, default: 0] += 1
    }
    if tally.examples.count < Self.exampleLimit { tally.examples.append(entry) }
    if tally.latest.count == Self.exampleLimit { tally.latest.removeFirst() }
    tally.latest.append(entry)
    guides[key] = tally
    if guide == nil { recordShape(shape, entry) }
    count(.peer, details.peer, key)
    count(.subnet, details.subnet, key)
    count(.user, details.user, key)
    count(.vhost, details.vhost, key)
  }

  private mutating func recordShape(_ shape: String, _ entry: LogEntry) {
    guard shapes[shape] != nil || shapes.count < Self.shapeLimit else {
      otherShapes += 1
      return
    }
    var tally = shapes[shape] ?? Shape(example: entry)
    tally.count += 1
    if let time = entry.time {
      tally.first = min(tally.first ?? time, time)
      tally.last = max(tally.last ?? time, time)
    }
    shapes[shape] = tally
  }

  private mutating func count(_ dimension: ScanDimension, _ value: String?, _ guide: String) {
    guard let value else { return }
    if dimensions[dimension]?[value] == nil, let values = dimensions[dimension],
      values.count >= Self.valueLimit
    {
      // Least seen first; ties in value order, so that the same log always keeps the same values.
      let ranked = values.map { (value: $0.key, total: Self.total($0.value)) }
        .sorted { ($0.total, $1.value) < ($1.total, $0.value) }
      for dropped in ranked.prefix(values.count / 2) {
        otherValues[dimension, default: 0] += dropped.total
        dimensions[dimension]?[dropped.value] = nil
      }
    }
    dimensions[dimension, default: [:]][value, default: [:]][guide, default: 0] += 1
  }

  static func total(_ byGuide: [String: Int]) -> Int { byGuide.values.reduce(0, +) }

  static func hour(_ time: Int64) -> Int64 {
    time >= 0 ? time / 3600 : (time - 3599) / 3600
  }
}

/// What a scan can group its entries by, besides the guide.
public enum ScanDimension: String, CaseIterable, Codable, Sendable {
  case peer, subnet, user, vhost
}

/// One file's share of a scan.
public struct FileSummary: Codable, Sendable, Equatable {
  /// The file as named, `-` for standard input.
  public var path: String
  public var lines = 0
  public var bytes = 0
  /// Entries at warning level or worse (inside the window).
  public var entries = 0
  /// Why the file could not be read to its end, when it could not.
  public var error: String?

  public init(path: String) { self.path = path }
}
