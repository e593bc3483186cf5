/// Reads `rabbitmqctl list_connections` tables: TAB-separated with a header row, or
/// `--formatter json`. Columns are found by name, so their order and extra columns do not matter.
///
/// Finds `connection-count`; `heartbeat-zero-connections` when there is a `timeout` column;
/// `blocked-connections` when there is a `state` column. With no connections listed (only
/// `Listing connections ...`, or nothing at all with `-q`) all three are 0.
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
    return ParseOutcome(findings: findings(in: table))
  }

  static func findings(in table: RabbitmqctlTable) -> [Finding] {
    if table.rows.isEmpty {
      let shown = table.headline.map { [Evidence.clip($0)] } ?? ["(empty output)"]
      let evidence = shown + ["no connections listed"]
      return ["connection-count", "heartbeat-zero-connections", "blocked-connections"].map {
        Finding(id: $0, value: 0, evidence: evidence)
      }
    }
    let total = table.rows.count
    var found = [count(table.rows, in: table, id: "connection-count", none: "")]
    if table.columns.contains("timeout") {
      let zero = table.rows.filter { $0.values["timeout"]?.trimmed == "0" }
      found.append(
        count(
          zero, in: table, id: "heartbeat-zero-connections",
          none: "none of the \(total) connections has timeout 0"))
    }
    if table.columns.contains("state") {
      let blocked = table.rows.filter {
        ["blocked", "blocking"].contains($0.values["state"]?.trimmed)
      }
      found.append(
        count(
          blocked, in: table, id: "blocked-connections",
          none: "none of the \(total) connections is in state blocked or blocking"))
    }
    return found
  }

  /// A count of `rows`, shown under the header; `none` stands in for rows when there are none.
  static func count(
    _ rows: [RabbitmqctlTable.Row], in table: RabbitmqctlTable, id: String, none: String
  ) -> Finding {
    let evidence =
      rows.isEmpty
      ? [Evidence.clip(table.header), none]
      : Evidence.lines(rows.map(\.line), header: table.header, noun: "connections")
    return Finding(id: id, value: Double(rows.count), evidence: evidence)
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
