/// A guide's decision tree: questions whose answers lead to further questions or to causes.
public struct DecisionTree: Codable, Sendable, Hashable {
  /// The id of the first node.
  public var start: String
  /// The nodes; each asks one question.
  public var nodes: [TreeNode]

  /// A tree of `nodes` that starts at `start`.
  public init(start: String, nodes: [TreeNode]) {
    self.start = start
    self.nodes = nodes
  }

  /// The node with `id`, if there is one.
  public func node(_ id: String) -> TreeNode? {
    nodes.first { $0.id == id }
  }
}

/// A node of a decision tree.
public struct TreeNode: Codable, Sendable, Hashable {
  /// The node's id within the tree.
  public var id: String
  /// The id of the question it asks.
  public var question: String
  /// Where each answer of the question leads.
  public var answers: [String: TreeTarget]
}

/// Where an answer leads: exactly one of `next` and `cause` is set.
public struct TreeTarget: Codable, Sendable, Hashable {
  /// The next node's id.
  public var next: String?
  /// The cause's id.
  public var cause: String?

  /// The target as a value that cannot be both or neither, or nil when it is malformed.
  public var destination: Destination? {
    switch (next, cause) {
    case (let next?, nil): .node(next)
    case (nil, let cause?): .cause(cause)
    default: nil
    }
  }

  /// A well-formed target.
  public enum Destination: Sendable, Hashable {
    /// Another node.
    case node(String)
    /// A cause: the tree ends here.
    case cause(String)
  }
}
