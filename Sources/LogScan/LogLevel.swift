/// A log entry's severity, as RabbitMQ, Erlang reports and common client loggers name it.
public enum LogLevel: Int, Comparable, Codable, Sendable {
  case unknown, debug, info, notice, warning, error, critical, alert, emergency

  /// Warnings and worse: the entries a scan classifies.
  public var isProblem: Bool { self >= .warning }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The level a word names, in any case: `warning`, `WARN`, `err`, `CRASH` (an Erlang crash
  /// report), `fatal`; `nil` for any other word.
  static func named(_ word: UnsafeRawBufferPointer) -> LogLevel? {
    guard word.count >= 3, word.count <= 16 else { return nil }
    var key = PackedWord()
    withUnsafeMutableBytes(of: &key) { target in
      for (index, byte) in word.enumerated() {
        target[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      }
    }
    return words[key]
  }

  /// Up to 16 bytes of a word, zero-padded: a dictionary key that needs no allocation.
  private struct PackedWord: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0
  }

  private static let words: [PackedWord: LogLevel] = {
    let names: [(String, LogLevel)] = [
      ("debug", .debug), ("trace", .debug), ("info", .info), ("notice", .notice),
      ("progress", .info), ("warning", .warning), ("warn", .warning), ("error", .error),
      ("err", .error), ("crash", .error), ("supervisor", .error), ("critical", .critical),
      ("crit", .critical), ("fatal", .critical), ("alert", .alert), ("emergency", .emergency),
      ("emerg", .emergency),
    ]
    var table: [PackedWord: LogLevel] = [:]
    for (name, level) in names {
      var key = PackedWord()
      withUnsafeMutableBytes(of: &key) { target in
        for (index, byte) in name.utf8.enumerated() { target[index] = byte }
      }
      table[key] = level
    }
    return table
  }()
}
