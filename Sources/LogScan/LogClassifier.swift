import ErrorSearch
import Synchronization

/// Says which guide a log entry belongs to, with the same search that `rmq-doctor search`
/// runs on a pasted error, remembering the answer for each entry shape.
public final class LogClassifier: Sendable {
  /// How many shapes are remembered; beyond that, new shapes are searched every time.
  static let cacheLimit = 20_000

  let index: SearchIndex
  let titles: [String: String]
  /// Guides whose errors only follow another error on the same connection.
  public let followOnGuides: Set<String>
  let cache = Mutex<[String: String?]>([:])

  /// Classifies with `index`, the guides' search index; its follow-on guides' entries are
  /// linked by a scan to the error before them on the same connection.
  public init(index: SearchIndex) {
    self.index = index
    followOnGuides = Set(index.guides.filter(\.followOn).map(\.id))
    titles = Dictionary(
      index.guides.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
  }

  /// The guide for `entry`, when the search is confident of one.
  public func guide(for entry: LogEntry) -> String? {
    guide(for: entry, shape: EntryShape.of(entry.messages))
  }

  func guide(for entry: LogEntry, shape: String) -> String? {
    if let known = cache.withLock({ $0[shape] }) { return known }
    let outcome = index.search(entry.classificationText, limit: 1)
    let guide = outcome.confident ? outcome.results.first?.id : nil
    cache.withLock { cache in
      if cache.count < Self.cacheLimit { cache[shape] = guide }
    }
    return guide
  }

  /// The title of the guide `id`.
  public func title(of id: String) -> String { titles[id] ?? id }
}
