import Foundation
import GuideKit
import ManagementAPI

/// What the management APIs answered to a ``ManagementPlan``: the raw answers, kept for an
/// evidence bundle, and which node answered at each endpoint.
public struct ManagementSurvey: Sendable {
  /// One diagnostic's answer from one endpoint (all pages joined), or why there is none.
  public struct Answer: Sendable {
    /// The diagnostic's id.
    public var diagnostic: String
    /// The endpoint asked.
    public var endpoint: ManagementEndpoint
    /// The node that answered there, from its overview; `nil` when it did not say.
    public var node: String?
    /// Every URL asked for it (one per page).
    public var urls: [String]
    /// The last HTTP status.
    public var status: Int?
    /// The answer's body; for a paged list, one JSON array of every page's items.
    public var body: Data?
    /// When the first request was sent.
    public var sentAt: Date
    /// How long all its requests took, in milliseconds.
    public var milliseconds: Int
    /// Why there is no usable answer.
    public var problem: ManagementAPIError?

    /// How reports name where the answer came from.
    public var source: String {
      node.map { "\($0) via \(endpoint.label)" } ?? endpoint.label
    }
  }

  /// The user the requests were sent as.
  public var user = ""
  /// The answers, endpoint by endpoint, in the plan's order.
  public var answers: [Answer] = []
  /// What happened beyond the plan: members asked directly, and what they said.
  public var notes: [String] = []
  /// The version line of each endpoint that answered (`rabbit@a: RabbitMQ 3.10.8, ...`).
  public var answeredBy: [String] = []

  /// Asks every endpoint of `plan` every diagnostic, then asks directly any member that an
  /// answer lists as not running and that was not asked yet; `announce` receives each request
  /// of that second round before it is sent.
  ///
  /// - Throws: the first endpoint's error when no endpoint answered its overview at all.
  public static func take(
    _ plan: ManagementPlan, client: ManagementClient, announce: @Sendable (String) -> Void
  ) async throws(ManagementAPIError) -> ManagementSurvey {
    var survey = ManagementSurvey()
    survey.user = client.user
    var firstFailure: ManagementAPIError?
    var answeredNodes: Set<String> = []
    for endpoint in plan.endpoints {
      let answers = await ask(endpoint, plan.diagnostics, client: client)
      if let failure = answers.first?.problem,
        answers.first?.diagnostic == plan.diagnostics.first?.id
      {
        firstFailure = firstFailure ?? failure
      }
      if let node = answers.first?.node { answeredNodes.insert(node) }
      survey.record(answers)
    }
    if survey.answeredBy.isEmpty, let firstFailure { throw firstFailure }
    // Partial rights give partial answers (only the user's own connections): no report.
    if let partial = survey.answers.lazy.compactMap(\.problem).first(where: \.isMissingTag) {
      throw partial
    }
    // A member seen as down is asked directly, at the same scheme, port and path as the
    // endpoint that saw it down, on the host of its node name.
    let asked = Set(plan.endpoints.map(\.label))
    var tried: Set<String> = asked
    // An endpoint given that did not answer is most likely the member seen down: asking a
    // guessed URL would only reach another member again.
    let silent = plan.endpoints.filter { endpoint in
      survey.answers.first { $0.endpoint == endpoint }?.node == nil
    }
    if !silent.isEmpty {
      for answer in survey.answers
      where answer.body != nil
        && plan.diagnostics.first(where: { $0.id == answer.diagnostic })?.parser == .managementNodes
      {
        for member in Self.membersDown(in: answer.body ?? Data())
        where !answeredNodes.contains(member) {
          survey.notes.append(
            "\(member) is not running as \(answer.source) sees it, and \(silent.map(\.description).joined(separator: ", ")) did not answer either."
          )
        }
      }
      return survey
    }
    for answer in survey.answers
    where answer.body != nil
      && plan.diagnostics.first(where: { $0.id == answer.diagnostic })?.parser == .managementNodes
    {
      for member in Self.membersDown(in: answer.body ?? Data())
      where !answeredNodes.contains(member) {
        guard let host = member.split(separator: "@", maxSplits: 1).last.map(String.init),
          member.contains("@")
        else { continue }
        let direct = answer.endpoint.onHost(host)
        guard tried.insert(direct.label).inserted else { continue }
        let views = plan.diagnostics.filter {
          $0.parser == .managementOverview || $0.parser == .managementNodes
        }
        announce(
          "\(member) is not running as \(answer.source) sees it; asking it directly:\n"
            + views.map { "  GET \(direct.url(for: ManagementPlan.target($0)))\n" }.joined())
        let answers = await ask(direct, views, client: client)
        if let node = answers.first?.node, node != member {
          survey.notes.append(
            "\(direct.description) answered as \(node), not \(member); its answer is left out. Give \(member)'s management URL with another --url to see its own view."
          )
          continue
        }
        if let failure = answers.first?.problem {
          survey.notes.append(
            "\(member), asked directly at \(direct.description): \(failure.description)")
        } else if let node = answers.first?.node {
          answeredNodes.insert(node)
        }
        survey.record(answers)
      }
    }
    return survey
  }

  private mutating func record(_ answers: [Answer]) {
    self.answers += answers
    if let overview = answers.first, overview.problem == nil, let body = overview.body,
      let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
    {
      let version = object["rabbitmq_version"] as? String ?? "?"
      let erlang = object["erlang_version"] as? String ?? "?"
      let cluster = object["cluster_name"] as? String ?? "?"
      answeredBy.append(
        "\(overview.node ?? "?") at \(overview.endpoint.description): RabbitMQ \(version), Erlang \(erlang), cluster \(cluster)"
      )
    }
  }

  /// Asks `endpoint` each of `diagnostics` in order; when the first (the overview) fails, the
  /// rest are not sent and carry its error.
  static func ask(
    _ endpoint: ManagementEndpoint, _ diagnostics: [DiagnosticCommand], client: ManagementClient
  ) async -> [Answer] {
    var answers: [Answer] = []
    var node: String?
    for (index, diagnostic) in diagnostics.enumerated() {
      if index > 0, let failure = answers.first?.problem {
        answers.append(
          Answer(
            diagnostic: diagnostic.id, endpoint: endpoint, node: nil, urls: [], status: nil,
            body: nil,
            sentAt: Date(), milliseconds: 0, problem: failure))
        continue
      }
      var answer = await fetch(diagnostic, from: endpoint, client: client)
      if diagnostic.parser == .managementOverview, let body = answer.body,
        let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
      {
        node = object["node"] as? String
      }
      answer.node = node
      answers.append(answer)
    }
    return answers
  }

  /// One diagnostic's answer: every page of a paged list, joined.
  static func fetch(
    _ diagnostic: DiagnosticCommand, from endpoint: ManagementEndpoint, client: ManagementClient
  ) async -> Answer {
    var answer = Answer(
      diagnostic: diagnostic.id, endpoint: endpoint, node: nil, urls: [], status: nil, body: nil,
      sentAt: Date(), milliseconds: 0, problem: nil)
    let paged = ManagementPlan.isPaged(diagnostic)
    var items: [Any] = []
    var page = 1
    var bytes = 0
    while true {
      let target = ManagementPlan.target(diagnostic, page: paged ? page : nil)
      answer.urls.append(endpoint.url(for: target))
      do {
        let response = try await client.get(
          target, from: endpoint, timeout: diagnostic.timeoutSeconds,
          limit: max(1, diagnostic.outputLimitBytes - bytes))
        answer.status = response.status
        answer.milliseconds += response.milliseconds
        if let failure = response.failure(user: client.user) {
          answer.problem = failure
          return answer
        }
        let json = try response.json()
        bytes += response.body.count
        guard paged else {
          answer.body = response.body
          return answer
        }
        guard let object = json as? [String: Any], let pageItems = object["items"] as? [Any] else {
          answer.problem = ManagementAPIError(.notJSON("a page without items"), url: response.url)
          return answer
        }
        items += pageItems
        let pages = (object["page_count"] as? NSNumber)?.intValue ?? 1
        if page >= pages || pageItems.isEmpty {
          answer.body = try? JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])
          return answer
        }
        page += 1
      } catch {
        answer.problem = error
        return answer
      }
    }
  }

  /// The members an `/api/nodes` answer lists as not running.
  static func membersDown(in body: Data) -> [String] {
    guard let nodes = try? JSONSerialization.jsonObject(with: body) as? [[String: Any]] else {
      return []
    }
    return nodes.filter { ($0["running"] as? Bool) == false }.compactMap { $0["name"] as? String }
  }
}
