#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who an entry is about: the client's address, its subnet, the user and the vhost, as the
/// broker writes them in `(127.0.0.1:41836 -> 127.0.0.1:5672 - app, vhost: '/', user: 'guest')`
/// or in a login failure (`user 'guest'`).
public struct ConnectionDetails: Sendable, Equatable {
  /// The client's IP address, without its port.
  public var peer: String?
  /// The client's /24 (IPv4) or /64 (IPv6) network.
  public var subnet: String?
  public var user: String?
  public var vhost: String?
  /// The broker's process id of the connection (`<0.943.0>` in `Channel error on connection
  /// <0.943.0> (...)` or `Error on AMQP connection <0.943.0> (...)`), which ties a channel's
  /// error to the connection's later ones.
  public var connection: String?

  /// Reads the details from an entry's messages.
  public init(messages: [String], prefixes: SubnetPrefixes = SubnetPrefixes()) {
    for message in messages.prefix(4) {
      let bytes = Array(message.utf8)
      if peer == nil, let arrow = Self.find(Array(" -> ".utf8), in: bytes) {
        var start = arrow
        while start > 0, bytes[start - 1] != UInt8(ascii: "("),
          bytes[start - 1] != UInt8(ascii: " ")
        { start -= 1 }
        if let address = Self.address(
          withPort: String(decoding: bytes[start..<arrow], as: UTF8.self))
        {
          peer = address
          subnet = Self.subnet(of: address, prefixes: prefixes)
        }
      }
      if connection == nil, let marker = Self.find(Array("connection <".utf8), in: bytes) {
        let start = marker + "connection ".utf8.count
        if let end = bytes[start...].prefix(32).firstIndex(of: UInt8(ascii: ">")) {
          connection = String(decoding: bytes[start...end], as: UTF8.self)
        }
      }
      if user == nil {
        user = Self.quoted(after: "user: '", in: bytes) ?? Self.quoted(after: "user '", in: bytes)
      }
      if vhost == nil {
        vhost =
          Self.quoted(after: "vhost: '", in: bytes) ?? Self.quoted(after: "vhost '", in: bytes)
      }
    }
  }

  static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
    needle.withUnsafeBytes { needle in
      bytes.withUnsafeBytes { haystack in
        guard let base = haystack.baseAddress else { return nil }
        return firstOffset(
          of: needle.baseAddress!, length: needle.count, in: base, count: haystack.count)
      }
    }
  }

  static func quoted(after marker: String, in bytes: [UInt8]) -> String? {
    guard let found = find(Array(marker.utf8), in: bytes) else { return nil }
    let start = found + marker.utf8.count
    guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "'")) else { return nil }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// `127.0.0.1:41836` gives `127.0.0.1`, `[::1]:41836` gives `::1`; `nil` for anything that
  /// is not an IP address.
  static func address(withPort text: String) -> String? {
    var host = Substring(text)
    if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
      host = host[host.index(after: host.startIndex)..<close]
    } else if let colon = host.lastIndex(of: ":"), host.firstIndex(of: ":") == colon {
      host = host[..<colon]
    }
    let candidate = String(host)
    if candidate.hasPrefix("::ffff:"), isIPv4(String(candidate.dropFirst(7))) {
      return String(candidate.dropFirst(7))
    }
    return isIPv4(candidate) || isIPv6(candidate) ? candidate : nil
  }

  static func isIPv4(_ text: String) -> Bool {
    var address = in_addr()
    return inet_pton(AF_INET, text, &address) == 1
  }

  static func isIPv6(_ text: String) -> Bool {
    var address = in6_addr()
    return inet_pton(AF_INET6, text, &address) == 1
  }

  /// The network of `address` with the prefix lengths given.
  static func subnet(of address: String, prefixes: SubnetPrefixes) -> String? {
    if isIPv4(address) {
      var raw = in_addr()
      inet_pton(AF_INET, address, &raw)
      let value = UInt32(bigEndian: raw.s_addr)
      let bits = prefixes.ipv4
      let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - UInt32(bits))
      raw.s_addr = (value & mask).bigEndian
      var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
      inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
      return String(decoding: text.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self) + "/\(bits)"
    }
    var raw = in6_addr()
    guard inet_pton(AF_INET6, address, &raw) == 1 else { return nil }
    let bits = prefixes.ipv6
    withUnsafeMutableBytes(of: &raw) { bytes in
      for index in 0..<16 {
        let keep = max(0, min(8, bits - index * 8))
        bytes[index] &= keep == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - keep))
      }
    }
    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
    return String(decoding: text.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self) + "/\(bits)"
  }

}

/// The prefix lengths that group client addresses into subnets.
public struct SubnetPrefixes: Sendable, Equatable {
  public var ipv4: Int
  public var ipv6: Int

  /// /24 and /64 unless told otherwise.
  public init(ipv4: Int = 24, ipv6: Int = 64) {
    self.ipv4 = max(0, min(32, ipv4))
    self.ipv6 = max(0, min(128, ipv6))
  }
}
