/// The time span a scan reports on: `--since` (inclusive) and `--until` (exclusive).
public struct ScanWindow: Sendable, Equatable {
  /// Seconds since 1970 (UTC), or `nil` for no bound.
  public var since: Int64?
  public var until: Int64?

  /// A window; no bounds means every entry.
  public init(since: Int64? = nil, until: Int64? = nil) {
    self.since = since
    self.until = until
  }

  /// Whether any bound is set.
  public var isBounded: Bool { since != nil || until != nil }

  /// Whether an entry logged at `time` is inside. With a bound set, an entry whose time is
  /// unknown is outside: it cannot be shown to be inside.
  public func contains(_ time: Int64?) -> Bool {
    guard isBounded else { return true }
    guard let time else { return false }
    if let since, time < since { return false }
    if let until, time >= until { return false }
    return true
  }
}
