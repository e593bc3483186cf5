import Foundation

/// The table a `rabbitmqctl list_*` command prints: column names, and one row per item.
struct RabbitmqctlTable: Sendable {
  /// One item, its values by column name, with the line shown as evidence.
  struct Row: Sendable {
    var values: [String: String]
    var line: String
  }

  /// The column names, in the order printed.
  var columns: [String]
  /// The rows; empty when nothing was listed.
  var rows: [Row]
  /// The lines that stand for the table as a whole in evidence: the header, or the
  /// `Listing ...` line when there were no rows.
  var headline: String?

  /// The column names as one line, the way rabbitmqctl prints its header.
  var header: String { columns.joined(separator: "\t") }
}

extension RabbitmqctlTable {
  /// Lines rabbitmqctl prints around a table: `Listing connections ...`,
  /// `Timeout: 60.0 seconds ...` and, before 3.7, `...done.`.
  static let chatter = NSRegularExpression.literal(
    "^(Listing .*\\.\\.\\.|Timeout: .* seconds \\.\\.\\.|\\.\\.\\.done\\.)\\s*$")

  /// Reads a TAB-separated table, taking the column order from its header row, or from
  /// `argumentColumns` when there is no header (rabbitmqctl before 3.7 printed none).
  static func read(tabSeparated lines: [String], argumentColumns: [String]) throws(TableError)
    -> RabbitmqctlTable
  {
    let listing = lines.first { chatter.matches($0) }
    let body = lines.filter { !chatter.matches($0) && !$0.allSatisfy(\.isWhitespace) }
    guard let first = body.first else {
      return RabbitmqctlTable(columns: argumentColumns, rows: [], headline: listing)
    }
    let firstFields = fields(of: first)
    let hasHeader = looksLikeHeader(firstFields)
    let columns = hasHeader ? firstFields : argumentColumns
    var rows: [Row] = []
    for line in body.dropFirst(hasHeader ? 1 : 0) {
      let values = fields(of: line)
      guard values.count == columns.count else { throw TableError(line: line) }
      rows.append(Row(values: Dictionary(zip(columns, values)) { first, _ in first }, line: line))
    }
    return RabbitmqctlTable(columns: columns, rows: rows, headline: hasHeader ? first : listing)
  }

  static func fields(of line: String) -> [String] {
    line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  }

  /// A header names columns: every field is an info item's name, and at least one is an item
  /// rabbitmqctl is known to list. A data row holds addresses, numbers and names instead.
  static func looksLikeHeader(_ fields: [String]) -> Bool {
    fields.allSatisfy { identifier.matches($0) } && fields.contains { knownItems.contains($0) }
  }

  static let identifier = NSRegularExpression.literal("^[a-z][a-z0-9_]*$")

  /// The info items of `list_connections`, `list_channels` and `list_consumers`.
  static let knownItems: Set<String> = [
    "pid", "name", "port", "host", "peer_port", "peer_host", "ssl", "ssl_protocol",
    "ssl_key_exchange", "ssl_cipher", "ssl_hash", "peer_cert_subject", "peer_cert_issuer",
    "peer_cert_validity", "state", "channels", "protocol", "auth_mechanism", "user", "vhost",
    "timeout", "frame_max", "channel_max", "client_properties", "recv_oct", "recv_cnt",
    "send_oct", "send_cnt", "send_pend", "connected_at", "node", "user_who_performed_action",
    "connection", "number", "consumer_count", "messages_unacknowledged", "prefetch_count",
    "queue_name", "channel_pid", "consumer_tag", "ack_required", "active", "arguments",
  ]
}

/// A table row whose number of fields differs from the number of columns.
struct TableError: Error {
  var line: String
}
