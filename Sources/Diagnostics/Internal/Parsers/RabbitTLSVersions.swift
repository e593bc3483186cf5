/// Reads `rabbitmq-diagnostics tls_versions`: after `Listing all TLS versions supported by the
/// runtime...`, one version per line (`tlsv1.3`, `tlsv1.2`, `tlsv1.1`, `tlsv1`). These are the
/// versions the node's Erlang runtime can speak; `ssl_options.versions` may allow fewer.
///
/// Finds `tls-versions-enabled` (how many), `tls13-enabled` and `tls12-enabled` (1 or 0).
enum RabbitTLSVersions {
  static func findings(_ lines: OutputLines) -> [Finding] {
    let text = lines.nonBlank.map(\.trimmed)
    let versions = text.filter {
      $0 == "tlsv1.3" || $0 == "tlsv1.2" || $0 == "tlsv1.1" || $0 == "tlsv1"
    }
    let announced = text.contains { $0.hasPrefix("Listing all TLS versions") }
    guard announced || !versions.isEmpty else { return [] }
    let summary =
      versions.isEmpty
      ? ["no TLS version listed"] : ["TLS versions: " + versions.joined(separator: ", ")]
    return [
      Finding(id: "tls-versions-enabled", value: Double(versions.count), evidence: summary),
      Finding(id: "tls13-enabled", value: versions.contains("tlsv1.3") ? 1 : 0, evidence: summary),
      Finding(id: "tls12-enabled", value: versions.contains("tlsv1.2") ? 1 : 0, evidence: summary),
    ]
  }
}
