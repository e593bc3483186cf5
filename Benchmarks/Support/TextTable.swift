/// A table as the benchmarks print it: columns padded to their widest cell, two spaces apart,
/// a line of dashes under the first row (the header).
public enum TextTable {
  /// The lines of `rows`, the first of them the header; every row has as many cells.
  public static func lines(_ rows: [[String]]) -> [String] {
    guard let header = rows.first else { return [] }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    var lines: [String] = []
    for (index, row) in rows.enumerated() {
      lines.append(
        row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
          .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
      if index == 0 {
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      }
    }
    return lines
  }
}
