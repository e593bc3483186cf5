import Foundation

extension ScanWindow {
  /// A time as `--since` and `--until` take it: `YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM]` (UTC when
  /// no zone is written), or an age such as `90m`, `6h`, `2d` counted back from `now`; in
  /// seconds since 1970, or `nil` when `text` is neither.
  public static func time(parsing text: String, now: Date = Date()) -> Int64? {
    if let seconds = LogTime.seconds(parsing: text) { return seconds }
    let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
    if let unit = text.last.flatMap({ units[$0] }), let count = Int64(text.dropLast()), count >= 0,
      count < Int64.max / 86400
    {
      return Int64(now.timeIntervalSince1970) - count * unit
    }
    return nil
  }
}
