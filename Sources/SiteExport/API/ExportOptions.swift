/// How a site is exported.
public struct ExportOptions: Sendable, Hashable {
  /// The path the site is served under (`/`, `/docs/rmq/`) or its full address; used where a
  /// relative link cannot work: the sitemap and the 404 page. Always ends in `/`.
  public var baseURL: String
  /// The site's name, in every page's title and header.
  public var title: String

  /// Options with `baseURL` made to end in `/`.
  public init(baseURL: String = "/", title: String = "RabbitMQ error guides") {
    self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    self.title = title
  }
}
