import Foundation

/// What a `rabbitmqctl list_*` table lists, and the facts each kind of table gives.
///
/// - `list_queues`: `queue-count`, `exclusive-queues`, `queues-with-arguments` (any `x-`
///   argument), `quorum-queues`, `queues-with-unacked` (columns `exclusive`, `arguments`,
///   `type`, `messages_unacknowledged`, each when present).
/// - `list_exchanges`: `exchange-count`, `exchanges-with-arguments`.
/// - `list_permissions`, `list_user_permissions`: `permission-count`, and
///   `permissions-without-configure`, `-write`, `-read` (rows whose pattern is empty).
/// - `list_consumers`: `consumer-count`, `manual-ack-consumers` (`ack_required` true),
///   `waiting-consumers` (`active` false: a single-active-consumer queue's standby).
/// - `list_channels`: `channel-count`, `channels-with-unacked`, `unacked-messages` (the sum).
/// - `list_vhost_limits --global`: `vhosts-with-limits`, `vhost-connection-limits`,
///   `vhost-queue-limits` (rows whose `limits` JSON sets `max-connections` or `max-queues` to 0
///   or more; a negative value means no limit).
/// - `list_user_limits --global`: `users-with-limits`, `user-connection-limits`,
///   `user-channel-limits` (`max-connections`, `max-channels`).
/// - `list_connections`: see ``RabbitmqctlTableParser``.
enum RabbitmqctlListing: String, CaseIterable {
  case connections, queues, exchanges, permissions, userPermissions, consumers, channels,
    vhostLimits, userLimits

  /// The listing the command line asks for, from its `list_*` subcommand.
  init?(argv: [String]) {
    guard let subcommand = argv.first(where: { $0.hasPrefix("list_") }) else { return nil }
    switch subcommand {
    case "list_connections": self = .connections
    case "list_queues": self = .queues
    case "list_exchanges": self = .exchanges
    case "list_permissions": self = .permissions
    case "list_user_permissions": self = .userPermissions
    case "list_consumers": self = .consumers
    case "list_channels": self = .channels
    case "list_vhost_limits": self = .vhostLimits
    case "list_user_limits": self = .userLimits
    default: return nil
    }
  }

  /// What one row is, for evidence lines.
  var noun: String {
    switch self {
    case .connections: "connections"
    case .queues: "queues"
    case .exchanges: "exchanges"
    case .permissions, .userPermissions: "permissions"
    case .consumers: "consumers"
    case .channels: "channels"
    case .vhostLimits: "virtual hosts with limits"
    case .userLimits: "users with limits"
    }
  }

  func findings(in table: RabbitmqctlTable) -> [Finding] {
    switch self {
    case .connections: RabbitmqctlTableParser.connectionFindings(in: table)
    case .queues:
      [count(table, "queue-count")]
        + counted(table, "exclusive-queues", column: "exclusive", what: "exclusive") {
          $0 == "true"
        }
        + counted(table, "queues-with-arguments", column: "arguments", what: "with x- arguments") {
          Self.hasArguments($0)
        }
        + counted(table, "quorum-queues", column: "type", what: "of type quorum") { $0 == "quorum" }
        + counted(
          table, "queues-with-unacked", column: "messages_unacknowledged",
          what: "with unacknowledged messages"
        ) {
          (Int($0) ?? 0) > 0
        }
    case .exchanges:
      [count(table, "exchange-count")]
        + counted(table, "exchanges-with-arguments", column: "arguments", what: "with arguments") {
          Self.hasArguments($0)
        }
    case .permissions, .userPermissions:
      [count(table, "permission-count")]
        + ["configure", "write", "read"].flatMap { kind in
          counted(
            table, "permissions-without-\(kind)", column: kind,
            what: "with an empty \(kind) pattern"
          ) { $0.isEmpty }
        }
    case .consumers:
      [count(table, "consumer-count")]
        + counted(
          table, "manual-ack-consumers", column: "ack_required",
          what: "with manual acknowledgements"
        ) { $0 == "true" }
        + counted(table, "waiting-consumers", column: "active", what: "waiting (not active)") {
          $0 == "false"
        }
    case .channels:
      [count(table, "channel-count")]
        + counted(
          table, "channels-with-unacked", column: "messages_unacknowledged",
          what: "with unacknowledged messages"
        ) {
          (Int($0) ?? 0) > 0
        }
        + sum(table, "unacked-messages", column: "messages_unacknowledged")
    case .vhostLimits:
      limited(table, "vhosts-with-limits", nil)
        + limited(table, "vhost-connection-limits", "max-connections")
        + limited(table, "vhost-queue-limits", "max-queues")
    case .userLimits:
      limited(table, "users-with-limits", nil)
        + limited(table, "user-connection-limits", "max-connections")
        + limited(table, "user-channel-limits", "max-channels")
    }
  }

  /// The rows whose `limits` JSON sets `key` (any key when `nil`) to a value of 0 or more.
  private func limited(_ table: RabbitmqctlTable, _ id: String, _ key: String?) -> [Finding] {
    counted(table, id, column: "limits", what: key.map { "limited by \($0)" } ?? "limited") {
      value in
      let limits = Self.limits(value)
      return key.map { (limits[$0] ?? -1) >= 0 } ?? limits.values.contains { $0 >= 0 }
    }
  }

  /// `{"max-connections":2,"max-queues":2}` as a dictionary; what is not a number is left out.
  static func limits(_ value: String) -> [String: Double] {
    guard let object = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any]
    else {
      return [:]
    }
    return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
  }

  /// Every row.
  private func count(_ table: RabbitmqctlTable, _ id: String) -> Finding {
    RabbitmqctlTableParser.count(
      table.rows, in: table, id: id, none: "no \(noun) listed", noun: noun)
  }

  /// The rows whose `column` passes `test`; nothing when the table has no such column (and
  /// rows to look at), since then the output cannot tell.
  private func counted(
    _ table: RabbitmqctlTable, _ id: String, column: String, what: String,
    where test: (String) -> Bool
  ) -> [Finding] {
    guard table.rows.isEmpty || table.columns.contains(column) else { return [] }
    let rows = table.rows.filter { test($0.values[column]?.trimmed ?? "") }
    let none =
      table.rows.isEmpty
      ? "no \(noun) listed" : "none of the \(table.rows.count) \(noun) is \(what)"
    return [RabbitmqctlTableParser.count(rows, in: table, id: id, none: none, noun: noun)]
  }

  /// The sum of a numeric column.
  private func sum(_ table: RabbitmqctlTable, _ id: String, column: String) -> [Finding] {
    guard table.rows.isEmpty || table.columns.contains(column) else { return [] }
    let rows = table.rows.filter { (Int($0.values[column]?.trimmed ?? "") ?? 0) > 0 }
    let total = rows.reduce(0) { $0 + (Int($1.values[column]?.trimmed ?? "") ?? 0) }
    let none =
      table.rows.isEmpty ? "no \(noun) listed" : "\(column) is 0 on all \(table.rows.count) \(noun)"
    return [
      Finding(
        id: id, value: Double(total),
        evidence: RabbitmqctlTableParser.evidence(rows, in: table, none: none, noun: noun))
    ]
  }

  /// Whether an `arguments` value holds any argument: `[]` (table) or `[]`/`{}` (JSON) do not.
  static func hasArguments(_ value: String) -> Bool {
    !["", "[]", "{}"].contains(value.filter { !$0.isWhitespace })
  }
}
