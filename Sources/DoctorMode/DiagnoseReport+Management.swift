import Diagnostics
import Foundation
import GuideKit
import LogScan
import TroubleshootingEngine

extension DiagnoseReport {
  /// Reads a survey of the management APIs: each answer through its diagnostic's parser, the
  /// nodes' views compared, and the findings of all of it.
  public static func fromManagement(
    _ survey: ManagementSurvey, library: ContentLibrary, classifier: LogClassifier
  ) -> DiagnoseReport {
    var readings: [DiagnosticReading] = []
    var views: [(source: String, text: String)] = []
    for answer in survey.answers {
      guard let command = library.diagnostic(answer.diagnostic) else { continue }
      guard answer.problem == nil, let body = answer.body else {
        readings.append(DiagnosticReading(
          diagnostic: answer.diagnostic, source: answer.source, facts: [],
          problem: answer.problem?.description ?? "no answer"))
        continue
      }
      let text = String(decoding: body, as: UTF8.self)
      readings.append(OutputReader.read(text, of: command, source: answer.source, classifier: classifier))
      if command.parser == .managementNodes { views.append((answer.source, text)) }
    }
    readings += viewComparison(views, library: library)
    let origin = survey.answeredBy.isEmpty
      ? "the management API"
      : "the management API of " + survey.answeredBy.joined(separator: "; ")
    return DiagnoseReport(
      origin: origin, readings: readings, skipped: [],
      findings: Finding.findings(in: readings.flatMap(\.facts), library: library), unavailable: [],
      notes: survey.notes)
  }

  /// The nodes diagnostic's views compared, as a reading, when there are two or more.
  static func viewComparison(_ views: [(source: String, text: String)], library: ContentLibrary) -> [DiagnosticReading] {
    guard let nodes = library.diagnostics.first(where: { $0.value.parser == .managementNodes })?.value,
      nodes.yields.contains(where: { $0.fact == ManagementViews.factID }),
      let fact = ManagementViews.disagreement(views, diagnostic: nodes.id)
    else { return [] }
    return [DiagnosticReading(
      diagnostic: nodes.id, source: String(fact.source.drop { $0 != ":" }.dropFirst()), facts: [fact], problem: nil)]
  }
}
