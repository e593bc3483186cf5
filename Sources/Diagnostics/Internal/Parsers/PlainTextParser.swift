/// Reads the free-form outputs of `rabbitmq-diagnostics`: `environment`, `listeners`,
/// `status`, `alarms`, `memory_breakdown`, `cluster_status`, `check_certificate_expiration` and
/// `tls_versions`; `rabbitmq-plugins list`; `rabbitmqctl shovel_status` and `federation_status`. Each reader looks for its own markers, so the
/// parser needs no hint of which command ran, except that an `alarms` command's blank output
/// means no alarms; the reader keeps only the facts the diagnostic declares.
enum PlainTextParser {
  static func parse(_ lines: OutputLines, argv: [String]) -> ParseOutcome {
    let asksForAlarms = argv.contains { $0 == "alarms" || $0 == "check_local_alarms" }
    return ParseOutcome(
      findings: RabbitEnvironment.findings(lines) + RabbitListeners.findings(lines)
        + RabbitNodeStatus.findings(lines)
        + RabbitAlarms.findings(lines, blankMeansNone: asksForAlarms)
        + RabbitResourceFigures.findings(lines) + RabbitMemoryBreakdown.findings(lines)
        + RabbitClusterStatus.findings(lines) + RabbitCertificateExpiry.findings(lines)
        + RabbitTLSVersions.findings(lines) + RabbitPlugins.findings(lines)
        + RabbitLinkStatus.findings(lines))
  }
}
