import CommonMark
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the tool needs to know about the terminal it writes to.
enum Terminal {
  /// Whether standard output is a terminal.
  static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// ANSI styling only on a terminal, never with `NO_COLOR` set, never when `TERM` is `dumb`.
  static var style: TerminalStyle {
    let environment = ProcessInfo.processInfo.environment
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let dumb = environment["TERM"] == "dumb"
    return outputIsTerminal && !noColor && !dumb ? .ansi : .plain
  }

  /// The terminal's width; `COLUMNS` or 80 when it cannot be asked. Capped at 100 for reading.
  static var width: Int {
    var size = winsize()
    if outputIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return min(Int(size.ws_col), 100)
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return min(columns, 100)
    }
    return 80
  }
}
