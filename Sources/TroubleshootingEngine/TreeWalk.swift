import GuideKit

/// The walk through a tree that a trail of answers makes: the nodes still to ask, depth first,
/// and the causes reached with how many unknowns lie on their way.
struct TreeWalk {
  private let tree: DecisionTree
  private var frontier: [(node: String, unknowns: Int)]
  private var seen: Set<String>
  private(set) var causes: [(cause: String, unknowns: Int)] = []

  init(tree: DecisionTree) {
    self.tree = tree
    frontier = [(tree.start, 0)]
    seen = [tree.start]
  }

  /// The node asked next, without taking it.
  func peek() -> TreeNode? {
    frontier.first.flatMap { tree.node($0.node) }
  }

  /// Applies `answer` to `node`, the node at the front. A choice follows its branch; "I don't
  /// know" follows every branch, in the question's order of choices.
  mutating func apply(_ answer: Answer, at node: TreeNode, choiceOrder: [String]) {
    let unknowns = frontier.removeFirst().unknowns
    let targets: [TreeTarget]
    let depth: Int
    switch answer {
    case .choice(let id):
      targets = node.answers[id].map { [$0] } ?? []
      depth = unknowns
    case .unknown:
      let ordered =
        choiceOrder.filter { node.answers[$0] != nil }
        + node.answers.keys.filter { !choiceOrder.contains($0) }.sorted()
      targets = ordered.compactMap { node.answers[$0] }
      depth = unknowns + 1
    }
    var queued: [(node: String, unknowns: Int)] = []
    for target in targets {
      switch target.destination {
      case .node(let id)?:
        if seen.insert(id).inserted { queued.append((id, depth)) }
      case .cause(let id)?:
        if let index = causes.firstIndex(where: { $0.cause == id }) {
          causes[index].unknowns = min(causes[index].unknowns, depth)
        } else {
          causes.append((id, depth))
        }
      case nil:
        break
      }
    }
    frontier.insert(contentsOf: queued, at: 0)
  }
}
