import GuideKit
import LogScan

/// Turns the output of a diagnostic command into facts; it runs nothing.
public enum OutputReader {
  /// Reads `output` (stdout and stderr as captured) of `command`.
  ///
  /// Problems the output reports (a missing program, denied permission, a stopped node) are
  /// recognised first, on the unfiltered output. Then the command's `filter` is applied, the
  /// command's parser reads the lines, and only the facts the command declares under `yields`
  /// are kept. Every fact's `source` is `"<diagnostic id>:<source>"`.
  ///
  /// - Parameters:
  ///   - source: the file name the output was read from, or `"live"`.
  ///   - classifier: what matches broker log entries to guides, as `rmq-doctor scan` does.
  public static func read(
    _ output: String, of command: DiagnosticCommand, source: String, classifier: LogClassifier
  ) -> DiagnosticReading {
    let lines = OutputLines(output)
    let reading = { (facts: [Fact], problem: String?) in
      DiagnosticReading(diagnostic: command.id, source: source, facts: facts, problem: problem)
    }
    // The reachability parser reads the CLI's failure report as its result.
    let readsFailures = command.parser == .nodeReachability
    if !readsFailures, let problem = ProblemDetector.problem(in: lines, program: command.program) {
      return reading([], problem)
    }
    let kept: OutputLines
    do {
      kept = try lines.keeping(matching: command.filter)
    } catch {
      return reading([], "invalid filter \(command.filter ?? ""): \(error)")
    }
    let outcome = parse(kept, of: command, classifier: classifier)
    let declared = command.yields.map(\.fact)
    let facts = declared.compactMap { id in
      outcome.findings.first { $0.id == id }.map {
        Fact(id: id, value: $0.value, evidence: $0.evidence, source: "\(command.id):\(source)")
      }
    }
    if let problem = outcome.problem { return reading([], problem) }
    if facts.isEmpty, readsFailures, let problem = ProblemDetector.problem(in: lines, program: command.program) {
      return reading([], problem)
    }
    if facts.isEmpty { return reading([], lines.isBlank ? "empty output" : unrecognised(lines)) }
    return reading(facts, nil)
  }

  static func parse(
    _ lines: OutputLines, of command: DiagnosticCommand, classifier: LogClassifier
  ) -> ParseOutcome {
    switch command.parser {
    case .rabbitmqctlTable: RabbitmqctlTableParser.parse(lines, argv: command.argv)
    case .ssSockets: SSSocketsParser.parse(lines)
    case .sysctlValues: SysctlValuesParser.parse(lines)
    case .kernelOOM: KernelOOMParser.parse(lines)
    case .brokerLog: BrokerLogParser.parse(lines, declared: command.yields, classifier: classifier)
    case .nstatCounters: NstatCountersParser.parse(lines)
    case .plainText: PlainTextParser.parse(lines, argv: command.argv)
    case .nodeReachability: NodeReachabilityParser.parse(lines)
    case .opensslClient: OpenSSLClientParser.parse(lines)
    }
  }

  static func unrecognised(_ lines: OutputLines) -> String {
    let first = lines.nonBlank.first.map { Evidence.clip($0) } ?? ""
    return "unrecognised output: \(first)"
  }
}
