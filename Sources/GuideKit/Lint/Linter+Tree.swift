extension Linter {
  func checkTree(_ guide: Guide, in library: ContentLibrary, into report: inout LintReport) {
    let tree = guide.frontMatter.tree
    let yaml = guide.yaml
    let nodeIDs = tree.nodes.map(\.id)
    let causeIDs = guide.frontMatter.causes.map(\.id)
    checkUnique(nodeIDs, kind: "tree node", path: "nodes", yaml: yaml, into: &report)
    if tree.node(tree.start) == nil {
      report.error(
        "tree start '\(tree.start)' is not a node\(Self.suggest(tree.start, nodeIDs))",
        at: yaml.location(at: ["tree", "start"]))
    }
    for (index, node) in tree.nodes.enumerated() {
      let nodePath: [YAMLPathComponent] = ["tree", "nodes", .index(index)]
      guard let question = library.question(node.question, in: guide) else {
        let known =
          (guide.frontMatter.questions ?? []).map(\.id) + library.sharedQuestions.map(\.value.id)
        report.error(
          "node '\(node.id)' asks unknown question '\(node.question)'\(Self.suggest(node.question, known))",
          at: yaml.location(at: nodePath + ["question"]))
        continue
      }
      let answerIDs = question.answers.map(\.id)
      for answer in answerIDs where node.answers[answer] == nil {
        report.error(
          "node '\(node.id)' does not say where answer '\(answer)' of '\(question.id)' leads",
          at: yaml.location(at: nodePath + ["answers"]))
      }
      for key in node.answers.keys.sorted() {
        let answerPath = nodePath + ["answers", .key(key)]
        guard answerIDs.contains(key) else {
          report.error(
            "question '\(question.id)' has no answer '\(key)'\(Self.suggest(key, answerIDs))",
            at: yaml.keyLocation(at: nodePath + ["answers"], key: key))
          continue
        }
        switch node.answers[key]?.destination {
        case .node(let next) where !nodeIDs.contains(next):
          report.error(
            "answer '\(key)' leads to unknown node '\(next)'\(Self.suggest(next, nodeIDs))",
            at: yaml.location(at: answerPath + ["next"]))
        case .cause(let cause) where !causeIDs.contains(cause):
          report.error(
            "answer '\(key)' leads to unknown cause '\(cause)'\(Self.suggest(cause, causeIDs))",
            at: yaml.location(at: answerPath + ["cause"]))
        case nil:
          report.error(
            "answer '\(key)' must have exactly one of 'next' and 'cause'",
            at: yaml.location(at: answerPath))
        default:
          break
        }
      }
    }
    let analysis = TreeAnalysis(tree)
    if let cycle = analysis.cycle {
      report.error(
        "the tree has a cycle: \(cycle.joined(separator: " -> "))",
        at: yaml.location(at: ["tree", "nodes", .index(nodeIDs.firstIndex(of: cycle[0]) ?? 0)]))
    }
    for (index, node) in tree.nodes.enumerated() where !analysis.reachableNodes.contains(node.id) {
      report.error(
        "node '\(node.id)' cannot be reached from the start",
        at: yaml.location(at: ["tree", "nodes", .index(index)]))
    }
    for (index, cause) in guide.frontMatter.causes.enumerated()
    where !analysis.reachableCauses.contains(cause.id) {
      report.error(
        "cause '\(cause.id)' cannot be reached from the tree's start",
        at: yaml.location(at: ["causes", .index(index)]))
    }
  }
}
