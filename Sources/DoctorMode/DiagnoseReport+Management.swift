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
      // Requests not sent because the endpoint's first one failed are said once, with it.
      if answer.urls.isEmpty, answer.problem != nil { continue }
      if answer.problem != nil, answer.urls.count == 1, command.parser == .managementOverview {
        let unsent = survey.answers.filter { $0.endpoint == answer.endpoint && $0.urls.isEmpty }
          .count
        readings.append(
          DiagnosticReading(
            diagnostic: answer.diagnostic, source: answer.source, facts: [],
            problem: (answer.problem?.description ?? "no answer")
              + (unsent > 0 ? " (its \(unsent) other request(s) were not sent)" : "")))
        continue
      }
      guard answer.problem == nil, let body = answer.body else {
        readings.append(
          DiagnosticReading(
            diagnostic: answer.diagnostic, source: answer.source, facts: [],
            problem: answer.problem?.description ?? "no answer"))
        continue
      }
      let text = String(decoding: body, as: UTF8.self)
      readings.append(
        OutputReader.read(text, of: command, source: answer.source, classifier: classifier))
      if command.parser == .managementNodes { views.append((answer.source, text)) }
    }
    reconcile(&readings, views: views, library: library)
    let origin =
      survey.answeredBy.isEmpty
      ? "the management API"
      : "the management API of " + survey.answeredBy.joined(separator: "; ")
    return DiagnoseReport(
      origin: origin, readings: readings, skipped: [],
      findings: Finding.findings(in: readings.flatMap(\.facts), library: library), unavailable: [],
      notes: survey.notes, viewDiagnostics: viewDiagnostics(library))
  }

  /// The nodes diagnostic's views compared, as a reading, when there are two or more; and each
  /// view's count of members down left with only those no view sees running: a member one node
  /// cannot reach while another sees it run is a partition (`node-views-disagree`), not a
  /// stopped node.
  static func reconcile(
    _ readings: inout [DiagnosticReading], views: [(source: String, text: String)],
    library: ContentLibrary
  ) {
    readings += viewComparison(views, library: library)
    guard views.count >= 2 else { return }
    let running = Set(
      views.flatMap { ManagementViews.members(in: $0.text).filter(\.value).map(\.key) })
    for index in readings.indices {
      guard let view = views.first(where: { $0.source == readings[index].source }),
        let factIndex = readings[index].facts.firstIndex(where: { $0.id == "cluster-nodes-down" }),
        library.diagnostic(readings[index].diagnostic)?.parser == .managementNodes
      else { continue }
      let down = ManagementViews.members(in: view.text).filter { !$0.value }.map(\.key).sorted()
      let reachableElsewhere = down.filter(running.contains)
      guard !reachableElsewhere.isEmpty else { continue }
      let stopped = down.filter { !running.contains($0) }
      readings[index].facts[factIndex].value = Double(stopped.count)
      readings[index].facts[factIndex].evidence =
        stopped.map { "\($0): running false in every view" }
        + reachableElsewhere.map {
          "\($0): running false here, but running as another node sees it"
        }
    }
  }

  /// The nodes diagnostic's views compared, as a reading, when there are two or more.
  static func viewComparison(_ views: [(source: String, text: String)], library: ContentLibrary)
    -> [DiagnosticReading]
  {
    guard
      let nodes = library.diagnostics.first(where: { $0.value.parser == .managementNodes })?.value,
      nodes.yields.contains(where: { $0.fact == ManagementViews.factID }),
      let fact = ManagementViews.disagreement(views, diagnostic: nodes.id)
    else { return [] }
    return [
      DiagnosticReading(
        diagnostic: nodes.id, source: String(fact.source.drop { $0 != ":" }.dropFirst()),
        facts: [fact], problem: nil)
    ]
  }
}
