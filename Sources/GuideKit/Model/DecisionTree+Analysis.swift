/// What can be reached in a decision tree from its start, and whether it loops.
public struct TreeAnalysis: Sendable {
  /// Node ids reachable from the start (the start included, when it exists).
  public private(set) var reachableNodes: Set<String> = []
  /// Cause ids some path reaches.
  public private(set) var reachableCauses: Set<String> = []
  /// A cycle as the node ids along it, first id repeated at the end, if there is one.
  public private(set) var cycle: [String]?

  /// Analyses `tree` by a depth-first walk from its start.
  public init(_ tree: DecisionTree) {
    var nodesByID: [String: TreeNode] = [:]
    for node in tree.nodes where nodesByID[node.id] == nil { nodesByID[node.id] = node }
    var onPath: [String] = []
    var finished: Set<String> = []

    func visit(_ id: String) {
      guard let node = nodesByID[id] else { return }
      if let position = onPath.firstIndex(of: id) {
        if cycle == nil { cycle = Array(onPath[position...]) + [id] }
        return
      }
      guard !finished.contains(id) else { return }
      reachableNodes.insert(id)
      onPath.append(id)
      for key in node.answers.keys.sorted() {
        switch node.answers[key]?.destination {
        case .node(let next): visit(next)
        case .cause(let cause): reachableCauses.insert(cause)
        case nil: break
        }
      }
      onPath.removeLast()
      finished.insert(id)
    }
    visit(tree.start)
  }
}
