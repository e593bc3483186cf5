import Foundation

/// The `timer:(name,expires,retransmissions)` field that `ss -o` prints.
struct SSTimer: Sendable, Hashable {
  /// `on` (retransmission or loss probe), `keepalive`, `persist` (zero-window probe),
  /// `timewait`, `off` or `unknown`.
  var name: String
  /// Seconds until the timer fires; `nil` when ss printed no value (`timer:(on,,3)`, a timer
  /// that is due) or one this reader does not know.
  var expiresInSeconds: Double?
  /// The third field: retransmissions for `on`, unanswered probes for `keepalive`.
  var count: Int

  /// The timer in `text`, if it holds one.
  init?(in text: String) {
    guard let fields = Self.pattern.captures(in: text), let name = fields[0] else { return nil }
    self.name = name
    expiresInSeconds = Self.seconds(fields[1] ?? "")
    count = Int(fields[2] ?? "") ?? 0
  }

  static let pattern = NSRegularExpression.literal("timer:\\(([a-z_]+),([^,)]*),(\\d+)\\)")

  /// Reads ss's timer format: `404ms` is 0.404 s, `2.836ms` is 2.836 s (seconds, a dot, then
  /// milliseconds with an `ms` suffix), `12sec` is 12 s, `1min5sec` is 65 s, `15min` is 900 s.
  static func seconds(_ text: String) -> Double? {
    guard !text.isEmpty, let parts = format.captures(in: text) else { return nil }
    let minutes = Double(parts[0] ?? "") ?? 0
    let wholeSeconds = Double(parts[1] ?? "") ?? 0
    let milliseconds = Double(parts[3] ?? "") ?? 0
    return minutes * 60 + wholeSeconds + milliseconds / 1000
  }

  static let format = NSRegularExpression.literal(
    "^(?:(\\d+)min)?(?:(\\d+)(sec|\\.))?(?:(\\d+)ms)?$")
}
