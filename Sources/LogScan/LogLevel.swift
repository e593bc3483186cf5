/// A log entry's severity, as RabbitMQ, Erlang reports and common client loggers name it.
public enum LogLevel: Int, Comparable, Codable, Sendable {
  case unknown, debug, info, notice, warning, error, critical, alert, emergency

  /// Warnings and worse: the entries a scan classifies.
  public var isProblem: Bool { self >= .warning }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The level a word names, in any case: `warning`, `WARN`, `err`, `CRASH` (an Erlang crash
  /// report), `fatal`; `nil` for any other word. Read on every line of a log, so it compares
  /// bytes rather than hashing.
  static func named(_ word: UnsafeRawBufferPointer) -> LogLevel? {
    guard word.count >= 3, word.count <= 10 else { return nil }
    func `is`(_ name: StaticString) -> Bool {
      guard name.utf8CodeUnitCount == word.count else { return false }
      let bytes = name.utf8Start
      for index in 0..<word.count where word[index] | 0x20 != bytes[index] { return false }
      return true
    }
    switch word[0] | 0x20 {
    case UInt8(ascii: "i"): return `is`("info") ? .info : nil
    case UInt8(ascii: "w"): return `is`("warning") || `is`("warn") ? .warning : nil
    case UInt8(ascii: "e"):
      if `is`("error") || `is`("err") { return .error }
      return `is`("emergency") || `is`("emerg") ? .emergency : nil
    case UInt8(ascii: "d"): return `is`("debug") ? .debug : nil
    case UInt8(ascii: "n"): return `is`("notice") ? .notice : nil
    case UInt8(ascii: "c"):
      if `is`("critical") || `is`("crit") { return .critical }
      return `is`("crash") ? .error : nil
    case UInt8(ascii: "a"): return `is`("alert") ? .alert : nil
    case UInt8(ascii: "f"): return `is`("fatal") ? .critical : nil
    case UInt8(ascii: "t"): return `is`("trace") ? .debug : nil
    case UInt8(ascii: "p"): return `is`("progress") ? .info : nil
    case UInt8(ascii: "s"): return `is`("supervisor") ? .error : nil
    default: return nil
    }
  }
}
