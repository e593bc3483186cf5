import Foundation
import LogScan
import Testing

/// `PrefetchingSource` gives what its base gives: the same bytes for every read size and buffer
/// size, then the same end (0, or the base's error once, after every byte before it).
@Suite struct PrefetchingSourceTests {
  /// Gives its bytes in pieces of `piece` bytes, then `error` (or the end).
  struct PiecewiseSource: ByteSource {
    let bytes: [UInt8]
    let piece: Int
    let error: ScanInputError?
    var offset = 0

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError) -> Int {
      let count = min(buffer.count, piece, bytes.count - offset)
      guard count > 0 else {
        if let error { throw error }
        return 0
      }
      bytes.withUnsafeBytes {
        buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count)
      }
      offset += count
      return count
    }
  }

  struct Reading: Equatable {
    var bytes: [UInt8] = []
    var error: ScanInputError?
    var readsAfterTheEnd: [Int] = []
  }

  static func readAll<Source: ByteSource>(_ source: inout Source, readSize: Int) -> Reading {
    var reading = Reading()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
    defer { buffer.deallocate() }
    do throws(ScanInputError) {
      while true {
        let count = try source.read(into: buffer)
        if count == 0 { break }
        reading.bytes += buffer[..<count]
      }
    } catch {
      reading.error = error
    }
    for _ in 0..<2 { reading.readsAfterTheEnd.append((try? source.read(into: buffer)) ?? -1) }
    return reading
  }

  static let input: [UInt8] = {
    var state: UInt64 = 7
    return (0..<300_001).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
  }()

  @Test(arguments: [1, 3, 7, 4_096, 65_536, 1 << 20])
  func theSameBytesAtEveryReadSize(readSize: Int) {
    for bufferSize in [1, 5, 4_096, 1 << 20] {
      for count in [1, 3] {
        var source = PrefetchingSource(
          PiecewiseSource(bytes: Self.input, piece: 10_007, error: nil), bufferSize: bufferSize,
          count: count)
        let reading = Self.readAll(&source, readSize: readSize)
        #expect(reading.bytes == Self.input, "buffer \(bufferSize) × \(count)")
        #expect(reading.error == nil)
        #expect(reading.readsAfterTheEnd == [0, 0])
      }
    }
  }

  @Test(arguments: [1, 4_096, 1 << 20])
  func anErrorComesAfterTheBytesBeforeIt(readSize: Int) {
    let error = ScanInputError(file: "x.gz", reason: "gzip data ends early")
    var inner = PiecewiseSource(bytes: Self.input, piece: 999, error: error)
    let expected = Self.readAll(&inner, readSize: readSize)
    #expect(expected.error == error)
    var source = PrefetchingSource(
      PiecewiseSource(bytes: Self.input, piece: 999, error: error), bufferSize: 4_000, count: 2)
    let reading = Self.readAll(&source, readSize: readSize)
    #expect(reading.bytes == Self.input)
    #expect(reading.error == error)
    // The base would throw again; the prefetching source reads it no more.
    #expect(reading.readsAfterTheEnd == [0, 0])
  }

  @Test func aSourceDroppedBeforeItsEndStopsItsThread() {
    for _ in 0..<50 {
      var source = PrefetchingSource(
        PiecewiseSource(bytes: Self.input, piece: 100, error: nil), bufferSize: 64, count: 2)
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 10, alignment: 1)
      defer { buffer.deallocate() }
      #expect((try? source.read(into: buffer)) == 10)
    }
  }
}
