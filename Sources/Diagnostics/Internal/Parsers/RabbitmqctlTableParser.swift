/// Reads `rabbitmqctl list_*` tables: TAB-separated with a header row, or `--formatter json`.
/// Columns are found by name, so their order and extra columns do not matter; which facts a
/// table gives depends on what it lists (``RabbitmqctlListing``).
///
/// `list_connections` gives `connection-count`; `heartbeat-zero-connections` when there is a
/// `timeout` column; `blocked-connections` when there is a `state` column. With nothing listed
/// (only `Listing ...`, or nothing at all with `-q`) every count is 0.
enum RabbitmqctlTableParser {
  static func parse(_ lines: OutputLines, argv: [String]) -> ParseOutcome {
    let columns = argumentColumns(argv)
    let table: RabbitmqctlTable
    if RabbitmqctlTable.isJSON(lines.all) {
      guard let json = RabbitmqctlTable.read(json: lines.all, argumentColumns: columns) else {
        return .problem("unreadable JSON table")
      }
      table = json
    } else {
      do {
        table = try RabbitmqctlTable.read(tabSeparated: lines.all, argumentColumns: columns)
      } catch {
        return .problem("unrecognised output: \(Evidence.clip(error.line))")
      }
    }
    let listing = RabbitmqctlListing(argv: argv) ?? .connections
    return ParseOutcome(findings: listing.findings(in: table))
  }

  static func connectionFindings(in table: RabbitmqctlTable) -> [Finding] {
    let total = table.rows.count
    var found = [
      count(
        table.rows, in: table, id: "connection-count", none: "no connections listed",
        noun: "connections")
    ]
    if table.columns.contains("timeout") || table.rows.isEmpty {
      let zero = table.rows.filter { $0.values["timeout"]?.trimmed == "0" }
      found.append(
        count(
          zero, in: table, id: "heartbeat-zero-connections",
          none: total == 0
            ? "no connections listed" : "none of the \(total) connections has timeout 0",
          noun: "connections"))
    }
    if table.columns.contains("state") || table.rows.isEmpty {
      let blocked = table.rows.filter {
        ["blocked", "blocking"].contains($0.values["state"]?.trimmed)
      }
      found.append(
        count(
          blocked, in: table, id: "blocked-connections",
          none: total == 0
            ? "no connections listed"
            : "none of the \(total) connections is in state blocked or blocking",
          noun: "connections"))
    }
    return found
  }

  /// A count of `rows`, shown under the header; `none` stands in for rows when there are none.
  static func count(
    _ rows: [RabbitmqctlTable.Row], in table: RabbitmqctlTable, id: String, none: String,
    noun: String
  ) -> Finding {
    Finding(
      id: id, value: Double(rows.count), evidence: evidence(rows, in: table, none: none, noun: noun)
    )
  }

  /// `rows` under the table's header, or the headline and `none` when there are none.
  static func evidence(
    _ rows: [RabbitmqctlTable.Row], in table: RabbitmqctlTable, none: String, noun: String
  )
    -> [String]
  {
    if rows.isEmpty {
      let head = table.rows.isEmpty ? table.headline ?? "(empty output)" : table.header
      return [Evidence.clip(head), none]
    }
    return Evidence.lines(rows.map(\.line), header: table.header, noun: noun)
  }

  /// The info items named on the command line, in order: the arguments after the `list_*`
  /// subcommand that are not options or option values.
  static func argumentColumns(_ argv: [String]) -> [String] {
    guard let list = argv.firstIndex(where: { $0.hasPrefix("list_") }) else { return [] }
    var columns: [String] = []
    var skipNext = false
    for argument in argv[(list + 1)...] {
      if skipNext {
        skipNext = false
      } else if argument.hasPrefix("-") {
        skipNext = optionsWithValue.contains(argument)
      } else {
        columns.append(argument)
      }
    }
    return columns
  }

  static let optionsWithValue: Set<String> = [
    "-p", "--vhost", "-n", "--node", "-t", "--timeout", "--formatter",
  ]
}
