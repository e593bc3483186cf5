import GuideKit

/// The context of a guide's troubleshooter page: the decision tree as linked sections.
enum TroubleshooterPage {
  /// The file's path below the site's root.
  static func path(_ id: String) -> String { "troubleshoot/\(id).html" }

  static func context(_ guide: Guide, in build: SiteBuild) -> [String: Any] {
    let library = build.library
    let front = guide.frontMatter
    let tree = front.tree
    let links = LinkRewriter(guideIDs: build.guideIDs, toGuides: "../guides/")
    // The start first, then the others as the tree lists them.
    let ordered =
      tree.nodes.filter { $0.id == tree.start } + tree.nodes.filter { $0.id != tree.start }
    let nodes: [[String: Any]] = ordered.map { node in
      let question = library.question(node.question, in: guide)
      let answers: [[String: Any]] = (question?.answers ?? []).compactMap { choice in
        guard let destination = node.answers[choice.id]?.destination else { return nil }
        let target: String
        switch destination {
        case .node(let next): target = "node-" + next
        case .cause(let cause): target = "cause-" + cause
        }
        return ["id": choice.id, "label": choice.label, "target": target]
      }
      let possible = TreeAnalysis(DecisionTree(start: node.id, nodes: tree.nodes)).reachableCauses
      var item: [String: Any] = [
        "id": node.id, "question": question?.text ?? node.question, "answers": answers,
        "possibleCauses": front.causes.filter { possible.contains($0.id) }
          .map { ["id": $0.id, "title": $0.title] },
      ]
      if let why = question?.why, !why.isEmpty { item["whyHTML"] = links.html(why) }
      return item
    }
    let causes: [[String: Any]] = front.causes.map { cause in
      let steps: [[String: Any]] = cause.steps.compactMap { id in
        guard let step = front.steps.first(where: { $0.id == id }) else { return nil }
        return ["title": step.title, "textHTML": links.html(guide.text(of: step) ?? "")]
      }
      return [
        "id": cause.id, "title": cause.title, "guideID": guide.id,
        "explanationHTML": links.html(guide.explanation(of: cause) ?? ""),
        "hasSteps": !steps.isEmpty, "steps": steps,
      ]
    }
    var context: [String: Any] = [
      "id": guide.id, "title": guide.title, "start": tree.start, "nodes": nodes, "causes": causes,
      "crumbTitle": "Troubleshoot",
    ]
    context.merge(build.navigation.pageContext(guide.id)) { first, _ in first }
    return context
  }
}
