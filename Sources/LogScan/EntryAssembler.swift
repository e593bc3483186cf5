import Foundation

/// Joins a file's lines into entries and hands over those at warning level or worse, and the
/// TLS alerts Erlang logs at notice level.
///
/// A record starts at a line with a timestamp or a level. What follows without one continues
/// it: lager's second line, an Erlang report's body, a Python traceback after a logged error.
/// RabbitMQ 3.9 and later write each line of a message with the same timestamp and pid, so
/// such lines continue the record too. In output without headers (a client's stderr), a
/// traceback is one entry and other lines stand alone unless indented.
struct EntryAssembler {
  static let lineLimit = 200
  static let byteLimit = 32 * 1024

  enum Shape {
    /// Started by a line with a header; `stamp` and `pid` are that header's bytes. Only a
    /// record with a pid (RabbitMQ's) is continued by lines with the same header.
    case headered(stamp: [UInt8], pid: [UInt8], level: LogLevel)
    /// A traceback (Python's or Java's); `sawException` once its exception line came.
    case traceback(sawException: Bool)
    /// A line without header whose words tell of an error; indented lines continue it.
    case plain
  }

  /// A record below warning level, whose continuation lines are skipped.
  enum Quiet { case none, headered, plain }

  let file: String
  let year: Int
  private(set) var lineNumber = 0
  var pending: (shape: Shape, entry: LogEntry, bytes: Int, isJSON: Bool)?
  var quiet = Quiet.none
  /// The last timestamp seen, for entries that have none of their own.
  var lastStamp = StampBuffer()
  var lastStampStyle = TimestampStyle.iso

  init(file: String, year: Int) {
    self.file = file
    self.year = year
  }

  /// Takes the next line; returns an entry when this line ends one.
  @inline(__always)
  mutating func take(_ line: UnsafeRawBufferPointer) -> LogEntry? {
    // Most lines of a broker's log: an info record while no entry is open. What `take(_:header:)`
    // does with one, without building its whole header.
    if pending == nil, let stampEnd = LineHeader.infoTimestampEnd(line) {
      lineNumber += 1
      lastStamp.set(UnsafeRawBufferPointer(rebasing: line[..<stampEnd]))
      lastStampStyle = .iso
      quiet = .headered
      return nil
    }
    return take(line, header: LineHeader(reading: line))
  }

  /// `take(_:)` for a line whose header was already read (`LineHeader(reading: line)`).
  mutating func take(_ line: UnsafeRawBufferPointer, header: LineHeader) -> LogEntry? {
    lineNumber += 1
    guard header.startsRecord else { return takeContinuation(line) }
    // A record below warning level while no entry is open (an info line of the common form
    // took the shortcut in `take(_:)` already).
    if pending == nil, header.level != .unknown, !header.level.isProblem, !isTLSAlert(line, header)
    {
      if let stamp = header.timestamp {
        lastStamp.set(UnsafeRawBufferPointer(rebasing: line[stamp]))
        lastStampStyle = header.timestampStyle
      }
      quiet = .headered
      return nil
    }
    return takeRecord(line, header.readingPid(line))
  }

  /// The entry still open at the end of the file.
  mutating func finish() -> LogEntry? {
    defer { pending = nil }
    return pending.map(Self.finished)
  }

  private mutating func takeRecord(_ line: UnsafeRawBufferPointer, _ header: LineHeader)
    -> LogEntry?
  {
    let stamp = header.timestamp.map { UnsafeRawBufferPointer(rebasing: line[$0]) }
    let pid = header.pid.map { UnsafeRawBufferPointer(rebasing: line[$0]) }
    if let open = pending, case .headered(let openStamp, let openPid, let level) = open.shape,
      level == header.level, let stamp, !header.isReport, !openPid.isEmpty,
      openStamp.elementsEqual(stamp),
      openPid.elementsEqual(pid ?? UnsafeRawBufferPointer(start: nil, count: 0))
    {
      append(message(of: line, header))
      return nil
    }
    let done = pending.map(Self.finished)
    pending = nil
    if let stamp {
      lastStamp.set(stamp)
      lastStampStyle = header.timestampStyle
    }
    let message = message(of: line, header)
    let isProblem =
      header.level.isProblem || (header.level == .unknown && ProblemWords.appear(in: message))
      || isTLSAlert(line, header)
    guard isProblem else {
      quiet = .headered
      return done
    }
    start(
      .headered(
        stamp: stamp.map(Array.init) ?? [], pid: pid.map(Array.init) ?? [], level: header.level),
      level: header.level, first: header.isReport ? nil : message, isJSON: header.isJSON)
    return done
  }

  private mutating func takeContinuation(_ line: UnsafeRawBufferPointer) -> LogEntry? {
    if let open = pending {
      switch open.shape {
      case .headered:
        if !line.isEmpty { append(line) }
        return nil
      case .traceback(let sawException):
        if line.isEmpty { return nil }
        let bytes = ByteView(line)
        if bytes[0] == 0x20 || bytes[0] == 0x09 {
          append(line)
          return nil
        }
        if Self.continuesTraceback(bytes) {
          pending?.shape = .traceback(sawException: false)
          append(line)
          return nil
        }
        if !sawException {
          pending?.shape = .traceback(sawException: true)
          append(line)
          return nil
        }
      case .plain:
        if let first = line.first, first == 0x20 || first == 0x09 {
          append(line)
          return nil
        }
      }
    }
    let done = pending.map(Self.finished)
    pending = nil
    let bytes = ByteView(line)
    if Self.startsTraceback(bytes) {
      start(
        .traceback(sawException: bytes.hasPrefix("Exception in thread ", at: 0)), level: .unknown,
        first: line)
    } else if quiet == .headered {
      // A continuation line of a record below warning level.
    } else if ProblemWords.appear(in: line) {
      start(.plain, level: .unknown, first: line)
    } else {
      quiet = .plain
    }
    return done
  }

  private mutating func start(
    _ shape: Shape, level: LogLevel, first: UnsafeRawBufferPointer?, isJSON: Bool = false
  ) {
    quiet = .none
    let time = lastStamp.withBytes { LogTime.seconds($0, style: lastStampStyle, year: year) }
    pending = (
      shape, LogEntry(file: file, line: lineNumber, level: level, time: time, messages: []), 0,
      isJSON
    )
    if let first { append(first) }
  }

  private mutating func append(_ message: UnsafeRawBufferPointer) {
    guard let open = pending, open.entry.messages.count < Self.lineLimit,
      open.bytes < Self.byteLimit
    else { return }
    let kept = UnsafeRawBufferPointer(rebasing: message.prefix(Self.byteLimit - open.bytes))
    pending!.entry.messages.append(String(decoding: kept, as: UTF8.self))
    pending!.bytes += kept.count
  }

  /// Erlang's TLS application logs a failed handshake at notice level (`TLS server: In state
  /// certify ... generated SERVER ALERT: Fatal - Unknown CA`); such a record counts as a problem.
  private func isTLSAlert(_ line: UnsafeRawBufferPointer, _ header: LineHeader) -> Bool {
    guard header.level == .notice else { return false }
    let bytes = ByteView(message(of: line, header.readingPid(line)))
    return bytes.hasPrefix("TLS server: ", at: 0) || bytes.hasPrefix("TLS client: ", at: 0)
  }

  private func message(of line: UnsafeRawBufferPointer, _ header: LineHeader)
    -> UnsafeRawBufferPointer
  {
    UnsafeRawBufferPointer(rebasing: line[min(header.message, line.count)...])
  }

  static func startsTraceback(_ bytes: ByteView) -> Bool {
    bytes.hasPrefix("Traceback (most recent call last)", at: 0)
      || bytes.hasPrefix("Exception in thread ", at: 0)
  }

  static func continuesTraceback(_ bytes: ByteView) -> Bool {
    startsTraceback(bytes) || bytes.hasPrefix("During handling of the above exception", at: 0)
      || bytes.hasPrefix("The above exception was the direct cause", at: 0)
      || bytes.hasPrefix("Caused by: ", at: 0)
  }

  /// The entry with a JSON record's message unpacked into its lines.
  static func finished(_ open: (shape: Shape, entry: LogEntry, bytes: Int, isJSON: Bool))
    -> LogEntry
  {
    guard open.isJSON else { return open.entry }
    var entry = open.entry
    entry.messages = open.entry.messages.flatMap { line -> [String] in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let message = object["msg"] as? String
      else { return [line] }
      return message.split(whereSeparator: \.isNewline).map(String.init)
    }
    return entry
  }
}

/// Up to 64 bytes of a timestamp, kept without allocating: a copy is made for every record.
struct StampBuffer {
  private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
    0, 0, 0, 0, 0, 0, 0, 0
  )
  private var count = 0

  mutating func set(_ bytes: UnsafeRawBufferPointer) {
    count = min(bytes.count, 64)
    guard count > 0 else { return }
    withUnsafeMutableBytes(of: &storage) {
      $0.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: count)
    }
  }

  func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    withUnsafeBytes(of: storage) { body(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
  }
}
