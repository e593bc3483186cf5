import Foundation

/// One node's management HTTP API, from a `--url` such as `http://127.0.0.1:15672` or
/// `https://user@rabbit-1.example:15671/`: a scheme, a host and a port. A user name in the URL
/// is kept apart; a password in it is refused, as on the command line it would sit in the
/// shell's history and in the process list.
public struct ManagementEndpoint: Sendable, Hashable, CustomStringConvertible {
  /// `http` or `https`.
  public var scheme: String
  /// The host name or address, without brackets for IPv6.
  public var host: String
  /// The port; 15672 (http) or 15671 (https) when the URL gives none.
  public var port: Int
  /// A path prefix where the API sits behind a proxy (`/rabbitmq`), without a trailing slash.
  public var pathPrefix: String
  /// The user name the URL carries, if any.
  public var user: String?

  /// Parses `text`.
  ///
  /// - Throws: ``ManagementAPIError`` naming what is wrong with the URL.
  public init(parsing text: String) throws(ManagementAPIError) {
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased()
    else {
      throw ManagementAPIError(
        .invalidURL("not a URL; give one such as http://HOST:15672"), url: text)
    }
    guard scheme == "http" || scheme == "https" else {
      throw ManagementAPIError(
        .invalidURL("the scheme must be http or https, not \(scheme)"), url: text)
    }
    guard let host = components.host, !host.isEmpty else {
      throw ManagementAPIError(.invalidURL("it names no host"), url: text)
    }
    if components.password != nil {
      var shown = components
      shown.password = "PASSWORD"
      throw ManagementAPIError(
        .invalidURL("it holds a password; set RMQ_DOCTOR_PASSWORD or pass --password-file instead"),
        url: shown.string ?? "the URL")
    }
    if components.query != nil || components.fragment != nil {
      throw ManagementAPIError(
        .invalidURL("give the API's base URL, without a query or fragment"), url: text)
    }
    var prefix = components.path
    while prefix.hasSuffix("/") { prefix.removeLast() }
    if prefix.hasSuffix("/api") { prefix.removeLast(4) }
    if prefix.contains("/api/") {
      throw ManagementAPIError(
        .invalidURL(
          "give the API's base URL (such as http://HOST:15672), not the URL of one of its paths"),
        url: text)
    }
    self.scheme = scheme
    self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
    self.port = components.port ?? (scheme == "https" ? 15671 : 15672)
    self.pathPrefix = prefix
    self.user = components.user.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The endpoint of the same scheme, port and prefix on another host.
  public func onHost(_ other: String) -> ManagementEndpoint {
    var copy = self
    copy.host = other
    copy.user = user
    return copy
  }

  /// `host:port`, the name used in file names and reports.
  public var label: String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  /// The base URL, without credentials.
  public var description: String { "\(scheme)://\(label)\(pathPrefix)" }

  /// The full URL for `target` (an API path with an optional query).
  public func url(for target: String) -> String { description + target }
}
