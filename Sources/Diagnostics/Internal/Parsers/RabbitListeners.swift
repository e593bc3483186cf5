import Foundation

/// Reads listener lines such as `Interface: 127.0.0.1, port: 5672, protocol: amqp, purpose: …`,
/// as printed by `rabbitmq-diagnostics -q listeners` (and in the Listeners section of `status`).
///
/// Finds `amqp-listener-count`, `amqp-tls-listener-count` and, when there is at least one AMQP
/// listener, `loopback-only-amqp-listeners`.
enum RabbitListeners {
  struct Listener {
    var interface: String
    var port: String
    var protocolName: String
    var line: String
  }

  static func findings(_ lines: OutputLines) -> [Finding] {
    let listeners = lines.nonBlank.compactMap(listener)
    guard !listeners.isEmpty else { return [] }
    let plain = listeners.filter { $0.protocolName == "amqp" }
    let tls = listeners.filter { $0.protocolName == "amqp/ssl" }
    var found = [
      count(plain, "amqp-listener-count", none: "no listener with protocol amqp"),
      count(tls, "amqp-tls-listener-count", none: "no listener with protocol amqp/ssl"),
    ]
    let amqp = plain + tls
    if !amqp.isEmpty {
      let exposed = amqp.filter { !isLoopback($0.interface) }
      found.append(
        Finding(
          id: "loopback-only-amqp-listeners", value: exposed.isEmpty ? 1 : 0,
          evidence: Evidence.lines((exposed.isEmpty ? amqp : exposed).map(\.line))))
    }
    return found
  }

  static func count(_ listeners: [Listener], _ id: String, none: String) -> Finding {
    Finding(
      id: id, value: Double(listeners.count),
      evidence: listeners.isEmpty
        ? [none] : Evidence.lines(listeners.map(\.line), noun: "listeners"))
  }

  static func listener(_ line: String) -> Listener? {
    guard line.hasPrefix("Interface:") else { return nil }
    var fields: [String: String] = [:]
    for part in line.split(separator: ",") {
      let pair = part.split(separator: ":", maxSplits: 1).map { String($0).trimmed }
      if pair.count == 2 { fields[pair[0].lowercased()] = pair[1] }
    }
    // The interface itself may hold colons (`[::]`), so it is read up to the first comma.
    let interface = String(line.dropFirst("Interface:".count).prefix { $0 != "," }).trimmed
    guard let port = fields["port"], let protocolName = fields["protocol"] else { return nil }
    return Listener(interface: interface, port: port, protocolName: protocolName, line: line)
  }

  static func isLoopback(_ interface: String) -> Bool {
    let host = interface.trimmingCharacters(in: ["[", "]"])
    return host.hasPrefix("127.") || host == "::1" || host == "localhost"
  }
}
