import Foundation
import TestSupport
import Testing

@testable import LogScan

/// `ByteView.isoTime` reads its fixed bytes without bounds checks; it must say exactly what the
/// checked definition it replaced says, for every offset of every generated line.
@Suite struct ByteViewTests {
  /// The definition before: every byte read with a bounds check.
  static func checkedIsoTime(_ view: ByteView, at o: Int) -> Int? {
    guard o + 19 <= view.count, view[o + 4] == 0x2D, view[o + 7] == 0x2D, view[o + 13] == 0x3A,
      view.isDigit(o), view.isDigit(o + 1), view.isDigit(o + 2), view.isDigit(o + 3),
      view.isByte(o + 4, 0x2D),
      view.isDigit(o + 5), view.isDigit(o + 6), view.isByte(o + 7, 0x2D), view.isDigit(o + 8),
      view.isDigit(o + 9),
      view.isByte(o + 10, 0x20) || view.isByte(o + 10, 0x54), view.isDigit(o + 11),
      view.isDigit(o + 12),
      view.isByte(o + 13, 0x3A), view.isDigit(o + 14), view.isDigit(o + 15),
      view.isByte(o + 16, 0x3A),
      view.isDigit(o + 17), view.isDigit(o + 18)
    else { return nil }
    var end = o + 19
    if view.isByte(end, 0x2E) || view.isByte(end, 0x2C), view.isDigit(end + 1) {
      end += 1
      while view.isDigit(end) { end += 1 }
    }
    if view.isByte(end, 0x5A) {
      end += 1
    } else if view.isByte(end, 0x2B) || view.isByte(end, 0x2D), view.isDigit(end + 1),
      view.isDigit(end + 2)
    {
      if view.isByte(end + 3, 0x3A), view.isDigit(end + 4), view.isDigit(end + 5) {
        end += 6
      } else if view.isDigit(end + 3), view.isDigit(end + 4) {
        end += 5
      }
    }
    return end
  }

  @Test func isoTimeSaysWhatTheCheckedDefinitionSays() {
    let samples = [
      "2026-11-23 04:46:25.280625+00:00", "2026-11-23T04:47:03,394Z", "2019-06-10 12:00:00.123",
      "2026-11-23 04:46:25+0000", "2026-11-23 04:46:25-05:00", "2026-11-23 04:46:25.",
      "2026-11-23 04:46:25",
      // Fractions of eight digits and more take the word-at-a-time loop more than once.
      "2026-11-23 04:46:25.12345678Z", "2026-11-23 04:46:25.1234567890123456789+00:00",
      "2026-11-23T04:46:25,280625-05:30", "2026-11-23 04:46:25.2806251+00:00",
    ]
    // Each byte of a sample replaced by one of the bytes that matter, then cut at every length.
    let replacements: [UInt8] = [
      0x2F, 0x30, 0x39, 0x3A, 0x2D, 0x20, 0x54, 0x5A, 0x2B, 0x2E, 0x2C, 0x41, 0xFF,
    ]
    var generator = SeededRandom(seed: 1)
    func random(_ bound: Int) -> Int { generator.next(below: bound) }
    var checked = 0
    var mismatches: [String] = []
    for sample in samples {
      var lines: [[UInt8]] = [Array(sample.utf8)]
      for _ in 0..<150 {
        var line = Array(("xx " + sample + " [info] rest").utf8)
        for _ in 0..<(1 + random(3)) {
          line[random(line.count)] = replacements[random(replacements.count)]
        }
        lines.append(line)
      }
      for line in lines {
        for length in 0...line.count {
          line.prefix(length).withUnsafeBytes { raw in
            let view = ByteView(raw)
            for offset in 0...max(0, length) {
              if view.isoTime(at: offset) != Self.checkedIsoTime(view, at: offset) {
                mismatches.append(
                  "\(String(decoding: line.prefix(length), as: UTF8.self)) at \(offset)")
              }
              checked += 1
            }
          }
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    #expect(checked > 100_000)
  }

  /// `SWAR.digits` marks exactly the lanes `isDigit` accepts, for every byte in every lane,
  /// whatever the other lanes hold.
  @Test func swarDigitsMarkEveryDigitLaneAndNoOther() {
    var mismatches: [String] = []
    for lane in 0..<8 {
      for byte in 0...255 {
        for filler: UInt8 in [0x00, 0x35, 0x7F, 0x80, 0xFF] {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[lane] = UInt8(byte)
          let word = bytes.withUnsafeBytes { ByteView($0).word(at: 0) }
          let marked = SWAR.digits(word)
          for index in 0..<8 {
            let expected = bytes[index] >= 0x30 && bytes[index] <= 0x39
            let isMarked = (marked >> (8 * index + 7)) & 1 == 1
            if isMarked != expected {
              mismatches.append("lane \(index) of \(bytes)")
            }
          }
          let leading = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
          if SWAR.leadingDigits(word) != leading { mismatches.append("leading of \(bytes)") }
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }
}
