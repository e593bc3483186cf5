#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the first occurrence of `needle` in `haystack`: `memchr` for its first byte, then
/// `memcmp` (glibc's `memmem` is not visible to Swift without `_GNU_SOURCE`).
func firstOffset(
  of needle: UnsafeRawPointer, length: Int, in haystack: UnsafeRawPointer, count: Int
) -> Int? {
  guard length > 0, count >= length else { return length == 0 ? 0 : nil }
  let first = Int32(needle.load(as: UInt8.self))
  var offset = 0
  let last = count - length
  while offset <= last {
    guard let found = memchr(haystack + offset, first, last - offset + 1) else { return nil }
    let candidate = haystack.distance(to: UnsafeRawPointer(found))
    if memcmp(haystack + candidate, needle, length) == 0 { return candidate }
    offset = candidate + 1
  }
  return nil
}
