import Foundation
import GuideKit
import ManagementAPI

/// The management API requests `diagnose --url` and `collect --url` send: every catalogue
/// diagnostic that reads the API, asked of every endpoint given. What it shows before anything
/// is sent is exactly what is sent, but for the page numbers of paged answers.
public struct ManagementPlan: Sendable {
  /// The nodes' APIs, in the order given.
  public var endpoints: [ManagementEndpoint]
  /// The diagnostics that will be read, each a GET with its time limit and size cap.
  public var diagnostics: [DiagnosticCommand]
  /// API diagnostics left out because lint rejects them.
  public var rejected: [String]
  /// Answers per page of a paged list.
  public static let pageSize = 500

  /// The plan for `endpoints`: the catalogue's API diagnostics that lint accepts, the overview
  /// first (it names the node that answered, and is the first thing asked).
  public init(library: ContentLibrary, endpoints: [ManagementEndpoint]) {
    let rejectedPaths = Set(
      Linter(strict: false).lint(library).filter { $0.severity == .error }.map(\.location.path))
    let api = library.diagnostics.filter { $0.value.readsManagementAPI }
    self.endpoints = endpoints
    rejected = api.filter { rejectedPaths.contains($0.yaml.path) }.map(\.value.id)
    diagnostics = api.filter { !rejectedPaths.contains($0.yaml.path) }.map(\.value)
      .sorted {
        ($0.parser == .managementOverview ? 0 : 1, $0.id) < (
          $1.parser == .managementOverview ? 0 : 1, $1.id
        )
      }
  }

  /// Whether `diagnostic`'s answer comes in pages (`page`, `page_size`).
  static func isPaged(_ diagnostic: DiagnosticCommand) -> Bool {
    diagnostic.parser == .managementConnections
  }

  /// The target of page `page` of `diagnostic`, or its only target.
  static func target(_ diagnostic: DiagnosticCommand, page: Int? = nil) -> String {
    let target = diagnostic.httpGet ?? ""
    guard let page else { return target }
    return target + (target.contains("?") ? "&" : "?") + "page=\(page)&page_size=\(pageSize)"
  }

  /// The exact requests, shown before anything is sent.
  public func preview(user: String) -> String {
    var out =
      "Read-only GET requests to send, as user '\(user)' (nothing is sent until you confirm):\n"
    for endpoint in endpoints {
      for diagnostic in diagnostics {
        let paged = Self.isPaged(diagnostic)
        let url = endpoint.url(for: Self.target(diagnostic, page: paged ? 1 : nil))
        let limits =
          "limit \(diagnostic.timeoutSeconds) s, \(diagnostic.outputLimitBytes / 1024) KiB"
        out +=
          "  GET \(url)    (\(limits)\(paged ? "; then page=2, 3, ... while there are more" : ""))\n"
      }
    }
    for id in rejected { out += "  skipped \(id): rejected by lint\n" }
    out +=
      "A member that the answering node sees as down is then asked directly at the same port, shown first.\n"
    return out + "\n"
  }
}
