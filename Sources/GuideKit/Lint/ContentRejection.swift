/// Content that loaded but that lint rejects: what every command but `lint` refuses to use.
public struct ContentRejection: Error, Sendable, Hashable, CustomStringConvertible {
  /// The lint errors, in lint's order; never empty.
  public var errors: [LintFinding]

  /// Creates a rejection for `errors`.
  public init(errors: [LintFinding]) {
    self.errors = errors
  }

  /// The first lint line, and how many more errors there are.
  public var description: String {
    let first = errors.first.map(String.init(describing:)) ?? "the content has errors"
    return errors.count > 1 ? "\(first) (and \(errors.count - 1) more)" : first
  }
}
