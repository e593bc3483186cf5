import Foundation
import LogScan
import TestSupport
import Testing

/// What `GzipSource` gives must not depend on how large its reader's reads are: the same bytes,
/// then the same end (an error or not). fuzz-gzip found a truncated stream whose bytes before
/// "gzip data ends early" did depend on it: zlib still held output when the input ran out.
@Suite struct GzipReadSizeTests {
  /// The read sizes compared: one byte, odd small sizes, and the scanner's usual chunk.
  static let readSizes = [1, 2, 3, 7, 13, 64, 4_096, 1 << 16]

  /// What one reading gave.
  struct Inflated: Equatable, CustomTestStringConvertible {
    var bytes: [UInt8] = []
    var error: String?

    var testDescription: String { "\(bytes.count) bytes, then \(error ?? "the end")" }
  }

  static func inflate(_ input: [UInt8], readSize: Int) -> Inflated {
    var result = Inflated()
    do {
      var source = try GzipSource(MemorySource(input), name: "input.gz")
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
      defer { buffer.deallocate() }
      while true {
        let count = try source.read(into: buffer)
        if count == 0 { return result }
        result.bytes += buffer[..<count]
      }
    } catch {
      result.error = error.reason
      return result
    }
  }

  static let regressionFolder = Fixtures.folder.appendingPathComponent("fuzz-regressions")

  @Test(arguments: ["fuzz-gzip-truncated-member-read-size", "fuzz-gzip-truncated-log-read-size"])
  func theFoundInputsGiveTheSameBytesAtEveryReadSize(name: String) throws {
    let input = [UInt8](try Fixtures.data(name, in: Self.regressionFolder))
    let readings = Self.readSizes.map { Self.inflate(input, readSize: $0) }
    for (size, reading) in zip(Self.readSizes, readings) {
      #expect(reading == readings.last, "read size \(size)")
    }
    // Both inputs are cut short: every reading ends in that error, after what could be read.
    #expect(readings.last?.error?.hasPrefix("gzip data ends early") == true)
  }

  /// A real broker log, gzip-compressed and cut at many places: each cut gives the same bytes at
  /// every read size, and they are the start of the log.
  @Test func aTruncatedLogGivesTheSameStartAtEveryReadSize() throws {
    let folder = try ScanSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plainPath = try ScanSupport.fixturePath("broker-log-full.log")
    let plain = [UInt8](try Data(contentsOf: URL(fileURLWithPath: plainPath)))
    let compressedURL = folder.appendingPathComponent("log.gz")
    try ScanSupport.run("/bin/gzip", ["-9", "-c", plainPath], output: compressedURL)
    let compressed = [UInt8](try Data(contentsOf: compressedURL))
    #expect(Self.inflate(compressed, readSize: 7) == Inflated(bytes: plain))

    let cuts = stride(from: 11, to: compressed.count - 8, by: max(1, compressed.count / 97))
    var longest = 0
    for cut in cuts {
      let input = Array(compressed[..<cut])
      let readings = Self.readSizes.map { Self.inflate(input, readSize: $0) }
      #expect(
        Set(readings.map(\.bytes)).count == 1, "cut at \(cut): the bytes depend on the read size")
      #expect(
        Set(readings.map(\.error)).count == 1, "cut at \(cut): the end depends on the read size")
      let bytes = readings[0].bytes
      #expect(plain.starts(with: bytes), "cut at \(cut): the bytes are not the log's start")
      #expect(readings[0].error?.hasPrefix("gzip data ends early") == true, "cut at \(cut)")
      longest = max(longest, bytes.count)
    }
    // The cuts late in the stream give most of the log back.
    #expect(longest > plain.count / 2)
  }
}
