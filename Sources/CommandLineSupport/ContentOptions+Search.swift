import ErrorSearch
import GuideKit
import LogScan

extension ContentOptions {
  /// The search index of the content, from the saved index when it is current.
  package func searchIndex(library: ContentLibrary? = nil) throws -> SearchIndex {
    let cache = SearchIndexCache(
      contentDirectory: try directory(), cacheDirectory: SearchIndexCache.defaultDirectory())
    return try cache.index(loading: { try library ?? load() })
  }

  /// What matches log entries to guides, for `scan` and for the broker-log diagnostics.
  package func logClassifier(library: ContentLibrary? = nil) throws -> LogClassifier {
    LogClassifier(index: try searchIndex(library: library))
  }
}
