/// What the front of one log line says: when, how severe, which Erlang process, and where
/// the message starts.
///
/// Read straight from the line's bytes, without building a string, because a scan reads
/// every line of a large log and most of them only need their level checked.
struct LineHeader {
  /// The timestamp's bytes within the line, and how it is written.
  var timestamp: Range<Int>?
  var timestampStyle = TimestampStyle.iso
  /// The severity, `.unknown` when the line does not say.
  var level = LogLevel.unknown
  /// An Erlang pid such as `<0.680.0>` after the level, as RabbitMQ 3.7 and later write it.
  var pid: Range<Int>?
  /// Where the message starts.
  var message = 0
  /// A line of RabbitMQ's JSON log format, whose message is read when the entry is kept.
  var isJSON = false
  /// An Erlang report header (`=WARNING REPORT==== …`), whose message follows on other lines.
  var isReport = false

  /// Whether the line starts a log record of its own (it has a timestamp or a level).
  var startsRecord: Bool { timestamp != nil || level != .unknown }
}

/// How a timestamp is written.
enum TimestampStyle: Sendable {
  /// `2026-11-23 04:46:25.280625+00:00`, `2019-06-10 12:00:00.123`, `2026-11-23T04:47:03,394Z`.
  case iso
  /// `10-Jun-2019::12:00:00`, in Erlang reports before RabbitMQ 3.7.
  case report
  /// `Nov 23 04:45:38`, journald's and syslog's, without a year.
  case syslog
}

extension LineHeader {
  /// Reads the header of `line`:
  /// * RabbitMQ 3.9 and later: `2026-11-23 04:46:25.280625+00:00 [warning] <0.680.0> message`;
  /// * RabbitMQ 3.7 and 3.8 (lager): `2019-06-10 12:00:00.123 [warning] <0.680.0> message`;
  /// * before 3.7: `=WARNING REPORT==== 10-Jun-2019::12:00:00 ===`, the message on the lines after;
  /// * RabbitMQ's JSON format: `{"time":"…","level":"error","msg":"…",…}`;
  /// * any of these behind journald's `Nov 23 04:45:38 host unit[pid]: ` or its short-iso form;
  /// * client loggers: `2026-11-23 04:47:03,394 ERROR pika…`, `… [main] WARN …`, `ERROR:pika…:`.
  init(reading line: UnsafeRawBufferPointer) {
    let bytes = ByteView(line)
    var offset = 0
    if let prefixEnd = bytes.journaldPrefixEnd() {
      timestamp = bytes.syslogTime() ?? bytes.isoTime(at: 0).map { 0..<$0 }
      timestampStyle = bytes.syslogTime() == nil ? .iso : .syslog
      offset = prefixEnd
    }
    guard offset < bytes.count else {
      message = bytes.count
      return
    }
    switch bytes[offset] {
    case UInt8(ascii: "{"):
      readJSON(bytes, from: offset)
      return
    case UInt8(ascii: "="):
      if readReport(bytes, from: offset) { return }
    default:
      break
    }
    if let end = bytes.isoTime(at: offset) {
      timestamp = offset..<end
      timestampStyle = .iso
      offset = end
    }
    readLevel(bytes, from: offset, afterTimestamp: timestamp != nil)
  }

  /// The end of the timestamp of a line that starts with an ISO time and ` [info] `, the most
  /// common line of a broker's log, or `nil` for any other line. For such a line the header
  /// read by `init(reading:)` is exactly: that timestamp (`.iso`), `.info`, no pid, neither JSON
  /// nor a report (`InfoLineShortcutTests` holds the two readings together).
  @inline(__always)
  static func infoTimestampEnd(_ line: UnsafeRawBufferPointer) -> Int? {
    let bytes = ByteView(line)
    // RabbitMQ's own timestamp, where `isoTime(at: 0)` is 32, read here without the call.
    if bytes.count >= 40, bytes.hasISODateAndTime(at: 0), bytes.hasRabbitMQFractionAndZone(at: 0),
      bytes.word(at: 32) == spacedInfo
    {
      return 32
    }
    guard let end = bytes.isoTime(at: 0), end + 8 <= bytes.count,
      bytes.word(at: end) == spacedInfo
    else { return nil }
    return end
  }

  /// ` [info] ` as a little-endian word (``ByteView/word(at:)``): `0x20` in the lowest byte.
  /// Given as a literal, which is folded into the code: computed from the text, its lazy
  /// initialisation cost a `swift_once` check on every line.
  static let spacedInfo: UInt64 = 0x205D_6F66_6E69_5B20

  /// The level and pid after the timestamp: up to three tokens, of which one may be a level
  /// in brackets or bare, and a `<pid>` after it.
  private mutating func readLevel(_ bytes: ByteView, from start: Int, afterTimestamp: Bool) {
    var offset = bytes.skippingSpaces(from: start)
    message = offset
    for _ in 0..<3 {
      guard offset < bytes.count else { return }
      if bytes[offset] == UInt8(ascii: "[") {
        guard let close = bytes.firstIndex(of: UInt8(ascii: "]"), from: offset + 1, limit: 40)
        else { return }
        if let named = LogLevel.named(bytes.slice(offset + 1, close)) {
          level = named
          offset = bytes.skippingSpaces(from: close + 1)
          break
        }
        guard afterTimestamp else { return }
        offset = bytes.skippingSpaces(from: close + 1)
        continue
      }
      let wordEnd = bytes.wordEnd(from: offset)
      guard wordEnd > offset else { return }
      let colon = wordEnd < bytes.count && bytes[wordEnd] == UInt8(ascii: ":")
      // Without a timestamp only `ERROR:` counts, so that a message starting with "Error on"
      // or "error" is not taken for a header.
      if afterTimestamp || (colon && bytes.isUppercase(offset, wordEnd)),
        let named = LogLevel.named(bytes.slice(offset, wordEnd))
      {
        level = named
        offset = bytes.skippingSpaces(from: colon ? wordEnd + 1 : wordEnd)
        break
      }
      return
    }
    message = offset
  }

  /// The header with the pid after the level read, and the message start moved past it. Kept
  /// apart because most lines of a log never need it.
  func readingPid(_ line: UnsafeRawBufferPointer) -> LineHeader {
    guard level != .unknown, !isJSON, !isReport, pid == nil else { return self }
    let bytes = ByteView(line)
    var header = self
    if message < bytes.count, bytes[message] == UInt8(ascii: "<"),
      let close = bytes.firstIndex(of: UInt8(ascii: ">"), from: message + 1, limit: 40)
    {
      header.pid = message..<(close + 1)
      header.message = bytes.skippingSpaces(from: close + 1)
    }
    return header
  }

  /// `{"time":"…","level":"…","msg":"…"}`: the time and level are found by key.
  private mutating func readJSON(_ bytes: ByteView, from start: Int) {
    isJSON = true
    message = start
    if let value = bytes.jsonStringValue(key: "\"level\":", from: start) {
      level = LogLevel.named(bytes.slice(value.lowerBound, value.upperBound)) ?? .unknown
    }
    if let value = bytes.jsonStringValue(key: "\"time\":", from: start),
      bytes.isoTime(at: value.lowerBound) != nil
    {
      timestamp = value
      timestampStyle = .iso
    }
    if let value = bytes.jsonStringValue(key: "\"pid\":", from: start) { pid = value }
  }

  /// `=WARNING REPORT==== 10-Jun-2019::12:00:00 ===`.
  private mutating func readReport(_ bytes: ByteView, from start: Int) -> Bool {
    let wordEnd = bytes.wordEnd(from: start + 1)
    guard wordEnd > start + 1, bytes.hasPrefix(" REPORT==== ", at: wordEnd),
      let named = LogLevel.named(bytes.slice(start + 1, wordEnd))
    else { return false }
    isReport = true
    level = named
    let timeStart = wordEnd + 12
    var timeEnd = timeStart
    while timeEnd < bytes.count, bytes[timeEnd] != UInt8(ascii: " ") { timeEnd += 1 }
    if timeEnd > timeStart { timestamp = timeStart..<timeEnd }
    timestampStyle = .report
    message = bytes.count
    return true
  }
}
