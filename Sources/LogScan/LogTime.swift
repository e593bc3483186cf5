/// Times in a log, as seconds since 1970 in UTC.
///
/// A time written without a zone (lager's, Erlang reports', syslog's) is taken as UTC; a
/// syslog time has no year, so the scan supplies one.
public enum LogTime {
  /// The seconds since 1970 of the time in `bytes`, written in `style`; `nil` when it does not
  /// read as a valid time.
  static func seconds(_ bytes: UnsafeRawBufferPointer, style: TimestampStyle, year: Int) -> Int64? {
    let view = ByteView(bytes)
    switch style {
    case .iso: return iso(view)
    case .report: return report(view)
    case .syslog: return syslog(view, year: year)
    }
  }

  /// Reads `YYYY-MM-DD[ T]hh:mm[:ss][.fff][Z|±hh:mm]`; also what `--since` and `--until` take.
  public static func seconds(parsing text: String) -> Int64? {
    var bytes = Array(text.utf8)
    // A date alone means its midnight; minutes without seconds get `:00`.
    if bytes.count == 10 { bytes += Array(" 00:00:00".utf8) }
    if bytes.count >= 16, bytes.count < 19 || bytes[16] != UInt8(ascii: ":") {
      bytes.insert(contentsOf: Array(":00".utf8), at: 16)
    }
    return bytes.withUnsafeBytes { raw in
      let view = ByteView(raw)
      guard view.isoTime(at: 0) == raw.count else { return nil }
      return iso(view)
    }
  }

  static func iso(_ view: ByteView) -> Int64? {
    guard view.isoTime(at: 0) != nil else { return nil }
    let year = number(view, 0, 4)
    let month = number(view, 5, 2)
    let day = number(view, 8, 2)
    let hour = number(view, 11, 2)
    let minute = number(view, 14, 2)
    let second = number(view, 17, 2)
    guard var seconds = civil(year, month, day, hour, minute, second) else { return nil }
    var offset = 19
    if view.isByte(offset, 0x2E) || view.isByte(offset, 0x2C) {
      offset += 1
      while view.isDigit(offset) { offset += 1 }
    }
    if view.isByte(offset, 0x2B) || view.isByte(offset, 0x2D) {
      let sign: Int64 = view[offset] == 0x2B ? 1 : -1
      let hours = number(view, offset + 1, 2)
      let minutes =
        view.isByte(offset + 3, 0x3A) ? number(view, offset + 4, 2) : number(view, offset + 3, 2)
      seconds -= sign * Int64(hours * 3600 + minutes * 60)
    }
    return seconds
  }

  /// `10-Jun-2019::12:00:00`.
  static func report(_ view: ByteView) -> Int64? {
    var offset = 0
    var day = 0
    while view.isDigit(offset), offset < 2 {
      day = day * 10 + Int(view[offset] - 0x30)
      offset += 1
    }
    guard view.isByte(offset, 0x2D), let month = month(view, offset + 1),
      view.isByte(offset + 4, 0x2D),
      view.isDigit(offset + 8), view.isByte(offset + 9, 0x3A), view.isByte(offset + 10, 0x3A),
      view.isDigit(offset + 11), view.isDigit(offset + 17)
    else { return nil }
    let year = number(view, offset + 5, 4)
    return civil(
      year, month, day, number(view, offset + 11, 2), number(view, offset + 14, 2),
      number(view, offset + 17, 2))
  }

  /// `Nov 23 04:45:38`, in `year`.
  static func syslog(_ view: ByteView, year: Int) -> Int64? {
    guard let month = month(view, 0), view.count >= 15 else { return nil }
    let day = view[4] == 0x20 ? number(view, 5, 1) : number(view, 4, 2)
    return civil(year, month, day, number(view, 7, 2), number(view, 10, 2), number(view, 13, 2))
  }

  static func month(_ view: ByteView, _ offset: Int) -> Int? {
    guard offset + 3 <= view.count else { return nil }
    let key =
      (Int(view[offset] | 0x20) << 16) | (Int(view[offset + 1] | 0x20) << 8)
      | Int(view[offset + 2] | 0x20)
    return months[key]
  }

  private static let months: [Int: Int] = {
    var table: [Int: Int] = [:]
    for (index, name) in [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .enumerated() {
      let b = Array(name.utf8)
      table[(Int(b[0]) << 16) | (Int(b[1]) << 8) | Int(b[2])] = index + 1
    }
    return table
  }()

  /// The digits of `view` from `offset`, at most `length` of them; 0 past the view's end (a
  /// stamp cut after its sign, as fuzz-diagnostics found).
  static func number(_ view: ByteView, _ offset: Int, _ length: Int) -> Int {
    var value = 0
    let end = min(offset + length, view.count)
    guard offset < end else { return 0 }
    for index in offset..<end where view.isDigit(index) {
      value = value * 10 + Int(view[index] - 0x30)
    }
    return value
  }

  /// Seconds since 1970 of a UTC civil time (Howard Hinnant's days-from-civil).
  static func civil(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int
  )
    -> Int64?
  {
    guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else {
      return nil
    }
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146097 + dayOfEra - 719468
    return Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second)
  }

  /// `2026-11-23T04:45:36Z`.
  public static func iso8601(_ seconds: Int64) -> String {
    let (date, time) = split(seconds)
    return "\(date)T\(time)Z"
  }

  /// `2026-11-23T04:45:36Z`, as the report writes it, as `2026-11-23 04:45:36`.
  public static func readable(iso8601 text: String) -> String {
    String(text.replacing("T", with: " ").dropLast(text.hasSuffix("Z") ? 1 : 0))
  }

  /// `2026-11-23 04:45:36`, for a terminal.
  public static func readable(_ seconds: Int64) -> String {
    let (date, time) = split(seconds)
    return "\(date) \(time)"
  }

  static func split(_ seconds: Int64) -> (String, String) {
    let days = Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    let rest = Int(seconds - Int64(days) * 86400)
    // civil-from-days
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return (
      "\(year)-\(two(month))-\(two(day))",
      "\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))"
    )
  }
}
