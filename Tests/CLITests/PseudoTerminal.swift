import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A real pseudo-terminal: the binary writes to its slave side as to a terminal, and the test
/// reads the master side.
final class PseudoTerminal {
  let master: FileHandle
  let slave: FileHandle

  /// Opens a new pseudo-terminal pair with the given window size.
  init(columns: UInt16 = 80, rows: UInt16 = 24) throws {
    // posix_openpt and friends are not visible through Swift's Glibc module; these are the
    // Linux ioctls they wrap: TIOCSPTLCK unlocks the slave, TIOCGPTN gives its number.
    let masterFD = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard masterFD >= 0, ioctl(masterFD, 0x4004_5431, &unlock) == 0,
      ioctl(masterFD, 0x8004_5430, &number) == 0
    else { throw POSIXError(.ENXIO) }
    let slaveFD = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
    guard slaveFD >= 0 else { throw POSIXError(.ENXIO) }
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(slaveFD, UInt(TIOCSWINSZ), &size)
    master = FileHandle(fileDescriptor: masterFD, closeOnDealloc: true)
    slave = FileHandle(fileDescriptor: slaveFD, closeOnDealloc: true)
  }

  /// Runs the binary with its standard output on the terminal and returns what it wrote.
  static func run(_ arguments: [String], environment: [String: String] = [:], columns: UInt16 = 80)
    throws -> String
  {
    let terminal = try PseudoTerminal(columns: columns)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Binary.path)
    process.arguments = arguments
    process.environment = Binary.environment(["TERM": "xterm-256color"].merging(environment) { $1 })
    process.standardOutput = terminal.slave
    process.standardError = terminal.slave
    try process.run()
    var output = Data()
    // Read until the child exits and the terminal has nothing more to give.
    let masterFD = terminal.master.fileDescriptor
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      var poller = pollfd(fd: masterFD, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, process.isRunning ? 200 : 50)
      if ready > 0 {
        let count = read(masterFD, &buffer, buffer.count)
        if count <= 0 { break }
        output.append(contentsOf: buffer[0..<count])
      } else if !process.isRunning {
        break
      }
    }
    process.waitUntilExit()
    // A terminal turns "\n" into "\r\n" on output.
    return String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
  }
}

extension PseudoTerminal {
  /// What an interactive run showed, how it ended, and the terminal's settings afterwards.
  struct Session {
    var screen: String
    var status: Int32
    /// Whether canonical mode and echo were on again once the program had exited.
    var restored: Bool
  }

  /// Runs the binary with the terminal as its standard input, output and error, and types
  /// `keys` one after another, each once the screen has shown `after` (or after a pause).
  static func interact(
    _ arguments: [String], keys: [(after: String, send: String)],
    environment: [String: String] = [:],
    columns: UInt16 = 100
  ) throws -> Session {
    let terminal = try PseudoTerminal(columns: columns, rows: 40)
    var initial = termios()
    tcgetattr(terminal.slave.fileDescriptor, &initial)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Binary.path)
    process.arguments = arguments
    process.environment = Binary.environment(["TERM": "xterm-256color"].merging(environment) { $1 })
    process.standardInput = terminal.slave
    process.standardOutput = terminal.slave
    process.standardError = terminal.slave
    try process.run()
    let masterFD = terminal.master.fileDescriptor
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    func pump(until text: String?, seconds: Double) {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        var poller = pollfd(fd: masterFD, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, 50) > 0 {
          let count = read(masterFD, &buffer, buffer.count)
          if count <= 0 { return }
          output.append(contentsOf: buffer[0..<count])
        } else if !process.isRunning {
          return
        }
        if let text, String(decoding: output, as: UTF8.self).contains(text) { return }
      }
    }
    for key in keys {
      pump(until: key.after, seconds: 10)
      output.append(contentsOf: Array("\u{1}SENT\u{1}".utf8))  // a marker: what came after this key
      _ = key.send.withCString { write(masterFD, $0, strlen($0)) }
    }
    pump(until: nil, seconds: 10)
    process.waitUntilExit()
    var after = termios()
    tcgetattr(terminal.slave.fileDescriptor, &after)
    let restored =
      after.c_lflag & tcflag_t(ICANON | ECHO) == initial.c_lflag & tcflag_t(ICANON | ECHO)
    return Session(
      screen: String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"),
      status: process.terminationStatus, restored: restored)
  }
}
