import BenchmarkSupport
import ErrorSearch
import Foundation

/// Queries made of long runs of what the normaliser's rules look for, at three sizes, to show
/// that the search takes time linear in the query's length on each.
///
/// A long run of backslashes once cost time growing with the square of its length; these are
/// the same idea for every other character a rule matches on or backtracks over. All sizes are
/// below ``QueryNormalizer/maximumLength`` (20,000 characters), so none is cut.
enum PathologicalQueries {
  /// The sizes each input is measured at, in characters (all ASCII, so in bytes too).
  static let sizes = [2_000, 6_000, 18_000]

  /// Appended to every run, so that each query also has a word the guides know.
  static let suffix = " PRECONDITION_FAILED"

  /// A kind of input: its name in the table and the text of `count` characters.
  struct Kind: Sendable {
    var name: String
    var make: @Sendable (Int) -> String
  }

  /// `unit` repeated until the text has `count` characters (the last copy cut short).
  static func repeating(_ unit: String, _ count: Int) -> String {
    String(String(repeating: unit, count: count / unit.count + 1).prefix(count))
  }

  static let kinds: [Kind] = [
    Kind(name: "digits 0123456789…") { repeating("0123456789", $0) },
    Kind(name: "colons ::::") { repeating(":", $0) },
    Kind(name: "digits and colons 1:2:3:") { repeating("1:", $0) },
    Kind(name: "quotation marks \"\"\"\"") { repeating("\"", $0) },
    Kind(name: "apostrophes ''''") { repeating("'", $0) },
    Kind(name: "braces {{{{…}}}}") { repeating("{", $0 / 2) + repeating("}", $0 - $0 / 2) },
    Kind(name: "parentheses ((((") { repeating("(", $0) },
    Kind(name: "<0. repeated") { repeating("<0.", $0) },
    Kind(name: "pids <0.1234.0> repeated") { repeating("<0.1234.0>", $0) },
    Kind(name: "<0. then 0.0.0.… (no >)") { "<" + repeating("0.", $0 - 1) },
    Kind(name: "addresses 1.1.1.1.…") { repeating("1.", $0) },
    Kind(name: "escapes \\\\n repeated") { repeating("\\\\n", $0) },
    Kind(name: "escapes \\\" repeated") { repeating("\\\"", $0) },
    Kind(name: "backslashes \\\\\\\\") { repeating("\\", $0) },
    Kind(name: "arrows -> - repeated") { repeating("-> - ", $0) },
    Kind(name: "user ' repeated") { repeating("user '", $0) },
    Kind(name: "line breaks x\\n repeated") { repeating("x\n", $0) },
    Kind(name: "letters aaaa (control)") { repeating("a", $0) },
  ]
}

extension PathologicalQueries {
  /// One measured query.
  struct Row {
    var kind: String
    var characters: Int
    var bytes: Int
    var timing: Timing
    /// Seconds per byte of the query.
    var perByte: Double { timing.median.seconds / Double(bytes) }
  }

  /// Times every kind at every size on `index`, `iterations` queries per row.
  static func measure(on index: SearchIndex, iterations: Int) -> [Row] {
    var rows: [Row] = []
    for kind in kinds {
      for size in sizes {
        let query = kind.make(size) + suffix
        precondition(
          query.count <= QueryNormalizer.maximumLength, "a pathological query would be cut")
        let timing = Timing.of("\(kind.name), \(size)", iterations: iterations) {
          _ = index.search(query)
        }
        rows.append(Row(kind: kind.name, characters: size, bytes: query.utf8.count, timing: timing))
      }
    }
    return rows
  }

  /// The table: each row's time per input byte and its ratio to the same kind's smallest size.
  /// Linear when the ratio is at most 2.
  static func table(_ rows: [Row]) -> (lines: [String], notLinear: [Row]) {
    let header = [
      "pathological query (in process)", "chars", "median", "p99", "per byte", "vs smallest",
      "verdict",
    ]
    var cells: [[String]] = [header]
    var notLinear: [Row] = []
    var smallest: [String: Row] = [:]
    for row in rows {
      let base = smallest[row.kind] ?? row
      if smallest[row.kind] == nil { smallest[row.kind] = row }
      let ratio = row.perByte / base.perByte
      let isBase = base.characters == row.characters
      if !isBase, ratio > 2 { notLinear.append(row) }
      cells.append([
        row.kind, String(row.characters), row.timing.median.formatted, row.timing.p99.formatted,
        String(format: "%.1f ns/B", row.perByte * 1e9),
        isBase ? "1.00x" : String(format: "%.2fx", ratio),
        isBase ? "per-byte baseline" : (ratio <= 2 ? "linear (≤ 2x)" : "NOT linear (> 2x)"),
      ])
    }
    return (TextTable.lines(cells), notLinear)
  }
}
