/// Whether a GET of the RabbitMQ management HTTP API may be sent: the path must be one the
/// content's allow-list declares, and each query key one it names. Paths that act rather than
/// read (the aliveness test declares a queue and publishes to it) are refused whatever the
/// allow-list says. Used by lint on the catalogue and by the client before every request.
public struct HTTPGetPolicy: Sendable, Hashable {
  /// Paths refused even when listed: they declare, publish or change something.
  public static let actingPaths: [String] = ["/api/aliveness-test"]

  /// The paths that may be read, each starting with `/api/`.
  public var paths: Set<String>
  /// The query keys a request may carry (`columns`, `page`, `page_size`, ...).
  public var queryKeys: Set<String>

  /// A policy allowing exactly `paths` and `queryKeys`.
  public init(paths: some Sequence<String>, queryKeys: some Sequence<String>) {
    self.paths = Set(paths)
    self.queryKeys = Set(queryKeys)
  }

  /// Why `target` (a path with an optional `?query`) may not be read, or `nil` when it may.
  public func refusal(of target: String) -> String? {
    let (path, query) = Self.split(target)
    if let problem = Self.shapeProblem(path) { return problem }
    if Self.actingPaths.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
      return "\(path) acts on the broker (it declares and publishes); rmq-doctor only reads"
    }
    guard paths.contains(path) else {
      return "\(path) is not among the management API paths the allow-list declares"
    }
    for item in query.split(separator: "&", omittingEmptySubsequences: true) {
      let key = String(item.prefix { $0 != "=" })
      if !queryKeys.contains(key) {
        return "query key '\(key)' is not among those the allow-list declares"
      }
      let value = item.drop { $0 != "=" }.dropFirst()
      let plain = value.unicodeScalars.allSatisfy { scalar in
        (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
          || ",._-".unicodeScalars.contains(scalar)
      }
      if !plain {
        return
          "the value of query key '\(key)' holds characters a column list or page number never needs"
      }
    }
    return nil
  }

  /// Why `path` is not a plain API path, whatever any allow-list says.
  public static func shapeProblem(_ path: String) -> String? {
    guard path.hasPrefix("/api/") else { return "\(path) is not a management API path (/api/...)" }
    let allowed = path.unicodeScalars.allSatisfy { scalar in
      (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
        || "/-_.".unicodeScalars.contains(scalar)
    }
    guard allowed else { return "\(path) holds characters an API path here never needs" }
    if path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
      || path.contains("//")
    {
      return "\(path) is not a normalised path"
    }
    return nil
  }

  /// `target` split at the first `?`.
  public static func split(_ target: String) -> (path: String, query: String) {
    guard let mark = target.firstIndex(of: "?") else { return (target, "") }
    return (String(target[..<mark]), String(target[target.index(after: mark)...]))
  }
}
