/// Reads the free-form outputs of `rabbitmq-diagnostics`: `environment`, `listeners` and
/// `status`. Each reader looks for its own markers, so the parser needs no hint of which
/// command ran; the reader keeps only the facts the diagnostic declares.
enum PlainTextParser {
  static func parse(_ lines: OutputLines) -> ParseOutcome {
    ParseOutcome(
      findings: RabbitEnvironment.findings(lines) + RabbitListeners.findings(lines)
        + RabbitNodeStatus.findings(lines))
  }
}
