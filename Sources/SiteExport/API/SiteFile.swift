/// One file of the site: its path relative to the site's root and its bytes.
public struct SiteFile: Sendable, Hashable {
  /// The path below the site's root, with `/` between folders (`guides/econnreset.html`).
  public var path: String
  /// The contents.
  public var contents: [UInt8]

  /// A file with `bytes` as its contents.
  public init(_ path: String, bytes: [UInt8]) {
    self.path = path
    self.contents = bytes
  }

  /// A file with text contents, written as UTF-8.
  public init(_ path: String, text: String) {
    self.path = path
    self.contents = Array(text.utf8)
  }
}
