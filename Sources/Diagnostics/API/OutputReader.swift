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
    // A management API answer is JSON: its parser reads the whole text, with no line filter.
    if command.parser.readsManagementAPI {
      let outcome = parseManagementAnswer(output, of: command)
      if let problem = outcome.problem { return reading([], problem) }
      let facts = declared(outcome, of: command, source: source)
      if facts.isEmpty {
        return reading([], "the answer holds none of the facts \(command.id) reads")
      }
      return reading(facts, nil)
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
    let facts = declared(outcome, of: command, source: source)
    if let problem = outcome.problem { return reading([], problem) }
    if facts.isEmpty, readsFailures,
      let problem = ProblemDetector.problem(in: lines, program: command.program)
    {
      return reading([], problem)
    }
    if facts.isEmpty { return reading([], lines.isBlank ? "empty output" : unrecognised(lines)) }
    return reading(facts, nil)
  }

  /// The facts of `outcome` that `command` declares, in its order, named by their source.
  static func declared(_ outcome: ParseOutcome, of command: DiagnosticCommand, source: String)
    -> [Fact]
  {
    command.yields.map(\.fact).compactMap { id in
      outcome.findings.first { $0.id == id }.map {
        Fact(id: id, value: $0.value, evidence: $0.evidence, source: "\(command.id):\(source)")
      }
    }
  }

  static func parseManagementAnswer(_ text: String, of command: DiagnosticCommand) -> ParseOutcome {
    switch command.parser {
    case .managementOverview: ManagementOverviewParser.parse(text)
    case .managementNodes: ManagementNodesParser.parse(text)
    case .managementConnections: ManagementConnectionsParser.parse(text)
    case .managementHealthCheck: ManagementHealthCheckParser.parse(text)
    default: .problem("\(command.parser.rawValue) does not read management API answers")
    }
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
    case .managementOverview, .managementNodes, .managementConnections, .managementHealthCheck:
      parseManagementAnswer(lines.all.joined(separator: "\n"), of: command)
    }
  }

  static func unrecognised(_ lines: OutputLines) -> String {
    let first = lines.nonBlank.first.map { Evidence.clip($0) } ?? ""
    return "unrecognised output: \(first)"
  }
}
