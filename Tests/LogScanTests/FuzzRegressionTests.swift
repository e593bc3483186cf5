import Foundation
import LogScan
import TestSupport
import Testing

/// Inputs the fuzz targets crashed on (Tests/Fixtures/fuzz-regressions), scanned again.
@Suite struct FuzzRegressionTests {
  /// fuzz-diagnostics: a broker log whose timestamps end in a bare `+` or a cut offset made
  /// `LogTime.number` build a range past the line's end (a trap).
  @Test func aTimestampCutInItsOffsetIsReadAround() throws {
    let input = try Fixtures.data(
      "fuzz-diagnostics-log-time-cut-offset",
      in: Fixtures.folder.appendingPathComponent("fuzz-regressions"))
    // `<diagnostic id>\n<output>`: the output is the log.
    let output = [UInt8](input.drop { $0 != 0x0A }.dropFirst())
    let report = ScanSupport.scan(bytes: output)
    #expect(report.files.first?.lines ?? 0 > 0)
    for stamp in [
      "2026-12-05 18:13:38.37729+", "2026-12-05 18:13:38+0", "2026-12-05 18:13:38-01:",
      "2026-12-05 18:13:38.1+00:0",
    ] {
      let scanned = ScanSupport.scan(
        stamp + " [error] <0.1.0> missed heartbeats from client, timeout: 60s\n")
      #expect(scanned.entries == 1, "\(stamp)")
    }
  }
}
