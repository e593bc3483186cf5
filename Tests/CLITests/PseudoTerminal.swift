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
  static func run(_ arguments: [String], environment: [String: String] = [:], columns: UInt16 = 80) throws -> String {
    let terminal = try PseudoTerminal(columns: columns)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Binary.path)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    env.removeValue(forKey: "COLUMNS")
    env["TERM"] = "xterm-256color"
    for (key, value) in environment { env[key] = value }
    process.environment = env
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
