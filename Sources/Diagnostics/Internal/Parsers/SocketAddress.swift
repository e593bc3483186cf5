/// An address and port as ss prints them: `127.0.0.1:5672`, `[::1]:4369`, `*:5672`,
/// `0.0.0.0:*`, `[::ffff:127.0.0.1]:5672`, `10.0.0.1%eth0:5672`.
struct SocketAddress: Sendable, Hashable {
  /// The host without brackets or interface suffix; `*` for every address.
  var host: String
  /// The port, or `*`.
  var port: String

  init?(_ text: String) {
    guard let colon = text.lastIndex(of: ":") else { return nil }
    var host = String(text[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    if let percent = host.firstIndex(of: "%") { host = String(host[..<percent]) }
    self.host = host
    port = String(text[text.index(after: colon)...])
  }

  /// Whether only this host can reach it: `127.0.0.0/8`, `::1`, or IPv4 loopback mapped into
  /// IPv6.
  var isLoopback: Bool {
    host.hasPrefix("127.") || host == "::1" || host.hasPrefix("::ffff:127.") || host == "localhost"
  }
}
