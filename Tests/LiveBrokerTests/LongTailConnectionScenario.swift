import Testing

/// Connections that end without a reason, or never open, reproduced with
/// `Clients/longtail_connection_client.py`: pika against a TCP server of the test's own (on
/// 127.0.0.1:5712) that reads the protocol header and closes; pika and a bare Python socket
/// against 127.0.0.1:5713, whose SYNs an nftables rule in a table of the test's own drops; and a
/// client killed right after the protocol header on the live broker.
enum LongTailConnectionScenario: String, CaseIterable, Sendable, CustomStringConvertible,
  CustomTestStringConvertible
{
  case closedBeforeStart = "pika against a server that reads the protocol header and closes"
  case pikaConnectTimeout = "pika with socket_timeout against a port whose SYNs are dropped"
  case socketConnectTimeout = "a Python socket with a timeout against a port whose SYNs are dropped"
  case killedMidHandshake = "a client killed right after the protocol header, on the live broker"

  var testDescription: String { rawValue }
  var description: String { rawValue }

  var guide: String {
    switch self {
    case .closedBeforeStart: "connection-closed-no-reason"
    case .pikaConnectTimeout, .socketConnectTimeout: "connect-timeout"
    case .killedMidHandshake: "connection-closed-abruptly"
    }
  }

  /// Whether the scenario needs the nftables rule that drops the SYNs to 127.0.0.1:5713.
  var needsDropRule: Bool { self == .pikaConnectTimeout || self == .socketConnectTimeout }
}
