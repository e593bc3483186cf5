import Foundation
import GuideKit

/// Compares the `/api/nodes` answers of different nodes: in a partition each side sees the
/// other as down, so one answer alone cannot tell a stopped node from a cut network.
public enum ManagementViews {
  /// The fact id this comparison yields, declared by the nodes diagnostic.
  public static let factID = "node-views-disagree"

  /// The members an `/api/nodes` answer lists, each with whether it runs; empty when the text
  /// is not such an answer.
  public static func members(in text: String) -> [String: Bool] {
    guard case .success(let value) = ManagementJSON.parse(text),
      let nodes = ManagementJSON.items(value)
    else {
      return [:]
    }
    var running: [String: Bool] = [:]
    for node in nodes {
      guard let name = node["name"] as? String else { continue }
      running[name] = ManagementJSON.bool(node, "running") ?? false
    }
    return running
  }

  /// The members whose `running` state differs between `views` (each an `/api/nodes` answer
  /// with the name of who gave it), as the fact `node-views-disagree` of `diagnostic`; `nil`
  /// when fewer than two views could be read.
  public static func disagreement(
    _ views: [(source: String, text: String)], diagnostic: String
  ) -> Fact? {
    var seen: [(source: String, running: [String: Bool])] = []
    for view in views {
      let running = members(in: view.text)
      guard !running.isEmpty else { continue }
      seen.append((view.source, running))
    }
    guard seen.count >= 2 else { return nil }
    let members = Set(seen.flatMap(\.running.keys)).sorted()
    var evidence: [String] = []
    var disagreeing = 0
    for member in members {
      let states = seen.compactMap { view in view.running[member].map { (view.source, $0) } }
      guard Set(states.map(\.1)).count > 1 else { continue }
      disagreeing += 1
      let down = states.filter { !$0.1 }.map(\.0).joined(separator: ", ")
      let up = states.filter { $0.1 }.map(\.0).joined(separator: ", ")
      evidence.append("\(member): not running as seen by \(down); running as seen by \(up)")
    }
    if evidence.isEmpty { evidence = ["\(seen.count) views agree on every member"] }
    return Fact(
      id: factID, value: Double(disagreeing), evidence: Evidence.lines(evidence, noun: "members"),
      source: "\(diagnostic):all \(seen.count) views")
  }
}
