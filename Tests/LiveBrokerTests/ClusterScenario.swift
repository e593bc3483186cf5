import Testing

/// What goes wrong around the nodes of the live two-node cluster (rabbit@localhost and
/// rabbit2@localhost of `.ci/cluster-start`): the CLI tools that cannot reach a node, a node that
/// cannot boot, a partition, and TLS handshakes that fail on rabbit2's TLS listener (127.0.0.1:5671,
/// `verify_peer` and `fail_if_no_peer_cert`, a certificate from the harness's own CA).
enum ClusterScenario: String, CaseIterable, Sendable, CustomStringConvertible,
  CustomTestStringConvertible
{
  case cookieRejected = "CLI with an Erlang cookie that is not the node's"
  case nodeNotRunning = "CLI asked about a node name that does not run"
  case portInUse = "a node started on an AMQP port already in use"
  case partition = "rabbit2 suspended past net_ticktime, then resumed"
  case tlsNoClientCertificate = "TLS client without a certificate"
  case tlsServerNotTrusted = "TLS client that does not trust the server's CA"
  case tlsUnknownCA = "TLS client certificate from an unknown CA"
  case tlsExpiredClient = "TLS client certificate that has expired"
  case tlsHostnameMismatch = "TLS client that checks another host name"
  case plainOnTLSPort = "plain AMQP client on the TLS port"
  case tlsOnPlainPort = "TLS client on the plain AMQP port"

  var testDescription: String { rawValue }
  var description: String { rawValue }

  /// The guide every line of the scenario belongs to.
  var guide: String {
    switch self {
    case .cookieRejected, .nodeNotRunning: "cli-node-unreachable"
    case .portInUse: "node-startup-failure"
    case .partition: "network-partition"
    default: "tls-handshake"
    }
  }

  var isTLS: Bool { guide == "tls-handshake" }

  /// The arguments of `Tests/Fixtures/lab/tls_client.py`, with `files` the folder of the
  /// certificates the run made and `ca` the cluster's CA. The client that does not trust the
  /// server offers TLS 1.2 at most: over TLS 1.3 Erlang 25 logs only `Bad Record MAC` for it.
  func clientArguments(files: String, ca: String) -> [String] {
    let good = ["--cert", "\(files)/client.pem", "--key", "\(files)/client-key.pem"]
    let key = ["--key", "\(files)/client-key.pem"]
    switch self {
    case .tlsNoClientCertificate: return ["--port", "5671", "--ca", ca]
    case .tlsServerNotTrusted: return ["--port", "5671", "--max-version", "TLSv1_2"] + good
    case .tlsUnknownCA: return ["--port", "5671", "--ca", ca, "--cert", "\(files)/other.pem"] + key
    case .tlsExpiredClient:
      return ["--port", "5671", "--ca", ca, "--cert", "\(files)/expired.pem"] + key
    case .tlsHostnameMismatch:
      return ["--port", "5671", "--ca", ca, "--server-hostname", "rabbit.example"] + good
    case .plainOnTLSPort: return ["--port", "5671", "--plain"]
    case .tlsOnPlainPort: return ["--port", "5673", "--ca", ca] + good
    default: return []
    }
  }

  /// Whether a node logs a line of its own for the scenario: a host name the client refuses
  /// leaves nothing on the node, and asking about a node that does not run reaches none.
  var brokerLogs: Bool {
    switch self {
    case .tlsHostnameMismatch, .nodeNotRunning: false
    default: true
    }
  }

  /// Whether the client's own line is ambiguous: pika's `IncompatibleProtocolError` around a
  /// connection reset is what a plain client on the TLS port sees, and also what other resets
  /// during the protocol header look like. Search must rank the guide first, without claiming
  /// confidence.
  var clientLineIsAmbiguous: Bool { self == .plainOnTLSPort }
}
