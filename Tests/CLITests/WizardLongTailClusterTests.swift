import Foundation
import TestSupport
import Testing

/// The trees of `cluster-formation` and `upgrade-feature-flags`, walked through the real wizard:
/// under a pseudo-terminal with number keys, and scripted with `--answers` to every cause; each
/// outcome must show its cause and that cause's resolution steps. A `scan` of a captured node log
/// counts its entries under `cluster-formation`.
@Suite struct WizardLongTailClusterTests {
  static let none = Fixtures.folder.appendingPathComponent("cli-cookie-bundle").path

  static let typed: [WizardWalk.Typed] = [
    WizardWalk.Typed(
      guide: "cluster-formation", keys: ["1", "1"],
      cause: "The node was removed from the cluster while it was down",
      steps: [
        "Read the cluster as each node sees it",
        "Reset the node that is out of date and join it again",
      ]),
    WizardWalk.Typed(
      guide: "cluster-formation", keys: ["4", "1"],
      cause: "The joining node does not have the cluster's Erlang cookie",
      steps: [
        "Compare the cookie hash of every node",
        "Give the joining node the cluster's cookie, then join again",
      ]),
    WizardWalk.Typed(
      guide: "upgrade-feature-flags", keys: ["1", "1"],
      cause: "The cluster was upgraded before its stable feature flags were enabled",
      steps: [
        "Start the node again on the version it ran before",
        "Enable every stable feature flag and check the list",
        "Upgrade again, one node at a time",
      ]),
    WizardWalk.Typed(
      guide: "upgrade-feature-flags", keys: ["2"],
      cause: "Nodes of different versions that cannot agree on their feature flags",
      steps: [
        "Compare the nodes' versions and feature flags",
        "Bring every node to the same version, then join",
      ]),
  ]

  @Test(arguments: typed)
  func aWalkTypedOnATerminalEndsOnTheCauseWithItsSteps(_ walk: WizardWalk.Typed) throws {
    try walk.expectOutcome()
  }

  /// Every cause of both trees, reached by scripted answers.
  @Test(arguments: [
    (
      "cluster-formation",
      "cluster-formation-report=inconsistent,cluster-formation-who-changed=forgotten",
      "forgotten-while-down"
    ),
    (
      "cluster-formation",
      "cluster-formation-report=inconsistent,cluster-formation-who-changed=wiped",
      "peer-reset-or-replaced"
    ),
    ("cluster-formation", "cluster-formation-report=waiting", "peers-down-at-restart"),
    ("cluster-formation", "cluster-formation-report=discovery", "discovery-finds-no-peer"),
    (
      "cluster-formation",
      "cluster-formation-report=join-unreachable,cluster-formation-peer-rejects=yes",
      "cookie-differs"
    ),
    (
      "cluster-formation",
      "cluster-formation-report=join-unreachable,cluster-formation-peer-rejects=no",
      "peer-not-reachable"
    ),
    ("upgrade-feature-flags", "ff-where=boot,ff-flag-known-before=yes", "flags-left-disabled"),
    ("upgrade-feature-flags", "ff-where=boot,ff-flag-known-before=no", "series-skipped"),
    ("upgrade-feature-flags", "ff-where=join", "mixed-versions"),
    ("upgrade-feature-flags", "ff-where=enable", "member-down-while-enabling"),
  ])
  func theTreeFollowsTheAnswers(_ guide: String, _ answers: String, _ cause: String) throws {
    let walked = try WizardWalk.walk(guide, evidence: Self.none, answers: answers)
    #expect(walked.causes == [cause], "\(walked.trail)")
  }

  /// The scripted outcome in text shows the cause's steps as the guide lists them.
  @Test func theScriptedOutcomeShowsTheStepsInOrder() throws {
    let run = try Binary.run([
      "wizard", "cluster-formation", "--content", Binary.shippedContent, "--answers",
      "cluster-formation-report=waiting",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let steps = [
      "Read the cluster as each node sees it", "Start the peers, the last one stopped first",
      "Remove a peer that will not come back, or force the boot",
    ]
    let positions = steps.compactMap { run.stdout.range(of: $0)?.lowerBound }
    #expect(positions.count == steps.count, "\(run.stdout)")
    #expect(positions == positions.sorted())
  }

  /// `rmq-doctor scan --json` of the forgotten member's log, as captured, counts its entries under
  /// cluster-formation.
  @Test func scanOfACapturedNodeLogCountsClusterFormation() throws {
    let text = try Fixtures.text("longtail-cluster-inconsistent.txt", in: Fixtures.captures)
    var keep = false
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") {
        keep = line.hasPrefix("## node log: ")
      } else if keep {
        lines.append(line)
      }
    }
    let run = try Binary.run(
      ["scan", "--json", "--content", Binary.shippedContent, "-"],
      stdin: Data(lines.joined(separator: "\n").utf8))
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let guides = object["guides"] as? [[String: Any]] ?? []
    let count = guides.first { $0["id"] as? String == "cluster-formation" }?["count"] as? Int ?? 0
    #expect(count >= 2, "\(guides)")
  }
}
