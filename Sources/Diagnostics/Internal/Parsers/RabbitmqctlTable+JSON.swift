import Foundation

extension RabbitmqctlTable {
  /// Reads the output of `--formatter json`: an array of objects, one per item. Numbers and
  /// strings become text; lists (such as `peer_host` as `[127,0,0,1]`) are written compactly.
  /// Columns follow `argumentColumns`, then any other keys in alphabetical order.
  static func read(json lines: [String], argumentColumns: [String]) -> RabbitmqctlTable? {
    let text = lines.filter { !chatter.matches($0) }.joined(separator: "\n")
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
      let items = object as? [[String: Any]]
    else { return nil }
    let keys = Set(items.flatMap(\.keys))
    let columns =
      argumentColumns.filter(keys.contains) + keys.subtracting(argumentColumns).sorted()
    let rows = items.map { item in
      let values = item.mapValues(text(of:))
      return Row(values: values, line: columns.map { values[$0] ?? "" }.joined(separator: "\t"))
    }
    let header = columns.isEmpty ? "[]" : columns.joined(separator: "\t")
    return RabbitmqctlTable(columns: columns, rows: rows, headline: header)
  }

  static func text(of value: Any) -> String {
    switch value {
    case let string as String: string
    // JSON's true and false arrive as numbers of Objective-C type 'c'; rabbitmqctl's tables
    // print them as words, and so do we.
    case let number as NSNumber where String(cString: number.objCType) == "c":
      number.boolValue ? "true" : "false"
    case let number as NSNumber: number.stringValue
    default:
      (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]))
        .map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }
  }

  /// Whether the output, apart from rabbitmqctl's own lines, starts like JSON.
  static func isJSON(_ lines: [String]) -> Bool {
    let first = lines.first { !chatter.matches($0) && !$0.allSatisfy(\.isWhitespace) }
    return first?.trimmingCharacters(in: .whitespaces).first.map { "[{".contains($0) } ?? false
  }
}
