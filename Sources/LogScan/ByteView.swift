#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small readings of a line's bytes, bounds-checked, that allocate nothing.
struct ByteView {
  let bytes: UnsafeRawBufferPointer

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  var count: Int { bytes.count }

  @inline(__always) subscript(_ index: Int) -> UInt8 { bytes[index] }

  @inline(__always) func isDigit(_ index: Int) -> Bool {
    index < bytes.count && bytes[index] &- 0x30 < 10
  }

  @inline(__always) func isByte(_ index: Int, _ byte: UInt8) -> Bool {
    index < bytes.count && bytes[index] == byte
  }

  /// The eight bytes at `offset` as a little-endian word; `offset + 8` must be at most `count`.
  @inline(__always) func word(at offset: Int) -> UInt64 {
    UInt64(littleEndian: bytes.baseAddress!.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  func slice(_ start: Int, _ end: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: bytes[start..<end])
  }

  func hasPrefix(_ text: StaticString, at offset: Int) -> Bool {
    let length = text.utf8CodeUnitCount
    guard offset + length <= bytes.count else { return false }
    return memcmp(bytes.baseAddress! + offset, text.utf8Start, length) == 0
  }

  func skippingSpaces(from offset: Int) -> Int {
    var offset = offset
    while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
    return offset
  }

  /// The end of the run of letters starting at `offset`.
  func wordEnd(from offset: Int) -> Int {
    var end = offset
    while end < bytes.count, (bytes[end] | 0x20) &- 0x61 < 26 { end += 1 }
    return end
  }

  func isUppercase(_ start: Int, _ end: Int) -> Bool {
    (start..<end).allSatisfy { bytes[$0] &- 0x41 < 26 }
  }

  func firstIndex(of byte: UInt8, from offset: Int, limit: Int) -> Int? {
    let end = min(bytes.count, offset + limit)
    var index = offset
    while index < end {
      if bytes[index] == byte { return index }
      index += 1
    }
    return nil
  }

  /// Where `needle` first occurs at or after `offset`.
  func find(_ needle: StaticString, from offset: Int = 0) -> Int? {
    guard offset < bytes.count,
      let found = firstOffset(
        of: needle.utf8Start, length: needle.utf8CodeUnitCount, in: bytes.baseAddress! + offset,
        count: bytes.count - offset)
    else { return nil }
    return offset + found
  }

  /// The end of an ISO 8601 time starting at `offset`: `YYYY-MM-DD`, a space or `T`,
  /// `hh:mm:ss`, an optional fraction after `.` or `,`, an optional zone (`Z`, `+00:00`, `+0000`).
  ///
  /// Every line of a log is asked this, so the fixed 19 bytes are checked as three loads (two
  /// of eight bytes, one of four), a byte per lane (``SWAR``); RabbitMQ's own `.ffffff+hh:mm`
  /// as two more; and other fractions' digits eight at a time while the line has eight bytes
  /// left (`ByteViewTests` holds it to the checked byte-by-byte definition).
  func isoTime(at offset: Int) -> Int? {
    let o = offset
    guard o >= 0, o + 19 <= count, hasISODateAndTime(at: o) else { return nil }
    if o + 32 <= count, hasRabbitMQFractionAndZone(at: o) { return o + 32 }
    var end = o + 19
    if isByte(end, 0x2E) || isByte(end, 0x2C), isDigit(end + 1) {
      end += 1
      // Eight digits at a time while eight bytes are there, then one at a time.
      while end + 8 <= count {
        let word = UInt64(
          littleEndian: bytes.baseAddress!.loadUnaligned(fromByteOffset: end, as: UInt64.self))
        let run = SWAR.leadingDigits(word)
        end += run
        if run < 8 { break }
      }
      while isDigit(end) { end += 1 }
    }
    if isByte(end, 0x5A) {
      end += 1
    } else if isByte(end, 0x2B) || isByte(end, 0x2D), isDigit(end + 1), isDigit(end + 2) {
      if isByte(end + 3, 0x3A), isDigit(end + 4), isDigit(end + 5) {
        end += 6
      } else if isDigit(end + 3), isDigit(end + 4) {
        end += 5
      }
    }
    return end
  }

  /// Whether the 19 bytes at `offset` are `YYYY-MM-DD hh:mm:ss` (or with `T`), checked as three
  /// words; `offset + 19` must be at most `count`.
  @inline(__always)
  func hasISODateAndTime(at offset: Int) -> Bool {
    let p = bytes.baseAddress! + offset
    // YYYY-MM-  DD?hh:mm  m:ss (the last word overlaps the second by one byte).
    let first = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
    let second = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    let third = UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 15, as: UInt32.self)))
    let dateOrTimeSeparator = (second >> 16) & 0xFF
    return SWAR.digits(first) & 0x0080_8000_8080_8080 == 0x0080_8000_8080_8080
      && first & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000
      && SWAR.digits(second) & 0x8080_0080_8000_8080 == 0x8080_0080_8000_8080
      && second & 0x0000_FF00_0000_0000 == 0x0000_3A00_0000_0000
      && (dateOrTimeSeparator == 0x20 || dateOrTimeSeparator == 0x54)
      && SWAR.digits(third) & 0x8080_0080 == 0x8080_0080 && third & 0xFF00 == 0x3A00
  }

  /// Whether the 13 bytes after the date and time at `offset` are RabbitMQ's own fraction and
  /// zone, `.ffffff+hh:mm` (microseconds and an offset), checked as two words; `offset + 32`
  /// must be at most `count`. The fraction ends at the sign, so `isoTime` ends at `offset + 32`.
  @inline(__always)
  func hasRabbitMQFractionAndZone(at offset: Int) -> Bool {
    let fraction = word(at: offset + 19)  // .ffffff±
    let zone = word(at: offset + 24)  // ff±hh:mm
    let point = fraction & 0xFF
    let sign = fraction >> 56
    return (point == 0x2E || point == 0x2C) && (sign == 0x2B || sign == 0x2D)
      && SWAR.digits(fraction) & 0x0080_8080_8080_8000 == 0x0080_8080_8080_8000
      && SWAR.digits(zone) & 0x8080_0080_8000_0000 == 0x8080_0080_8000_0000
      && zone & 0x0000_FF00_0000_0000 == 0x0000_3A00_0000_0000
  }

  /// `Nov 23 04:45:38` at the start of the line.
  func syslogTime() -> Range<Int>? {
    guard count >= 16, bytes[3] == 0x20, bytes[0] &- 0x41 < 26, bytes[1] &- 0x61 < 26,
      bytes[2] &- 0x61 < 26,
      bytes[3] == 0x20, bytes[4] == 0x20 || isDigit(4), isDigit(5), bytes[6] == 0x20,
      isDigit(7), isDigit(8), bytes[9] == 0x3A, isDigit(10), isDigit(11), bytes[12] == 0x3A,
      isDigit(13), isDigit(14), bytes[15] == 0x20
    else { return nil }
    return 0..<15
  }

  /// The end of journald's prefix `<time> <host> <unit>[<pid>]: `, with the time in the
  /// default or the short-iso form.
  func journaldPrefixEnd() -> Int? {
    var offset: Int
    if let time = syslogTime() {
      offset = time.upperBound
    } else if isByte(10, 0x54), let end = isoTime(at: 0) {
      offset = end
    } else {
      return nil
    }
    guard isByte(offset, 0x20) else { return nil }
    // The host: no brackets, no colon.
    var index = offset + 1
    while index < count, bytes[index] != 0x20 {
      if bytes[index] == 0x5B || bytes[index] == 0x3A { return nil }
      index += 1
    }
    guard index > offset + 1, index < count, LogLevel.named(slice(offset + 1, index)) == nil
    else { return nil }
    // The unit, ending with a colon and a space.
    let unitStart = index + 1
    index = unitStart
    while index < count, bytes[index] != 0x20 { index += 1 }
    guard index > unitStart + 1, bytes[index - 1] == 0x3A, bytes[unitStart] &- 0x30 >= 10 else {
      return nil
    }
    return min(index + 1, count)
  }

  /// The bytes of the string value after `key` (`"level":`), without its quotes.
  func jsonStringValue(key: StaticString, from offset: Int) -> Range<Int>? {
    guard let found = find(key, from: offset) else { return nil }
    var start = skippingSpaces(from: found + key.utf8CodeUnitCount)
    guard isByte(start, 0x22) else { return nil }
    start += 1
    var end = start
    while end < count, bytes[end] != 0x22 {
      if bytes[end] == 0x5C { end += 1 }
      end += 1
    }
    return start..<min(end, count)
  }
}
