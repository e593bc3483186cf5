import Foundation

/// What a live run changed on the broker, and how to put it back: each change is
/// recorded before it is made, and `undo` reverses them all once, in reverse order.
final class BrokerSetup: @unchecked Sendable {
  private var undoing: [[String]] = []
  private let lock = NSLock()

  /// Runs `rabbitmqctl arguments`; an `add_user` is undone with `delete_user`, an `add_vhost`
  /// with `delete_vhost`.
  func run(_ arguments: [String]) throws {
    if arguments.first == "add_user", arguments.count > 1 {
      remember(["delete_user", arguments[1]])
    }
    if arguments.first == "add_vhost", arguments.count > 1 {
      remember(["delete_vhost", arguments[1]])
    }
    let result = try LiveBroker.rabbitmqctl(arguments)
    guard result.status == 0 else {
      throw Program.Failure(
        description: "rabbitmqctl \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }
  }

  /// Sets the `rabbit` application's `key` to `value` at runtime; undone by setting it back to
  /// the value it had (or unsetting it when it had none).
  func lower(_ key: String, to value: String) throws {
    let current = try LiveBroker.rabbitmqctl(["-q", "eval", "application:get_env(rabbit, \(key))."])
      .stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    if current.hasPrefix("{ok,"), current.hasSuffix("}") {
      let original = current.dropFirst("{ok,".count).dropLast()
      remember(["eval", "application:set_env(rabbit, \(key), \(original))."])
    } else {
      remember(["eval", "application:unset_env(rabbit, \(key))."])
    }
    try run(["eval", "application:set_env(rabbit, \(key), \(value))."])
  }

  /// Runs `rabbitmqctl arguments`, a change to a node-wide setting; undone by giving
  /// `setter` the exact term that `getter` (an Erlang expression) returned before.
  func change(_ arguments: [String], restoring getter: String, with setter: String) throws {
    let current = try LiveBroker.rabbitmqctl(["-q", "eval", getter + "."]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard !current.isEmpty, !current.contains("rror") else {
      throw Program.Failure(description: "cannot read \(getter) before changing it: \(current)")
    }
    remember(["eval", "\(setter)(\(current))."])
    try run(arguments)
  }

  /// Records `arguments` to be run by `undo`; `add_vhost` and `add_user` record their own.
  func remember(_ arguments: [String]) {
    lock.lock()
    undoing.append(arguments)
    lock.unlock()
  }

  /// Puts everything back, newest change first; safe to call more than once.
  func undo() {
    lock.lock()
    let steps = undoing.reversed()
    undoing = []
    lock.unlock()
    for step in steps { _ = try? LiveBroker.rabbitmqctl(["-q"] + step) }
  }
}
