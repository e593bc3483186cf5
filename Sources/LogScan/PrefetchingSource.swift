import Foundation

/// A source read ahead on a thread of its own, into a small ring of buffers, so that what makes
/// the bytes (zlib inflating a `.gz` log) runs on one core while the lines are split and
/// classified on another.
///
/// It gives the same bytes as `base`, in the same order, then the same end: 0, or `base`'s
/// error, thrown once after every byte read before it was handed out (later reads return 0).
/// The reads it makes of `base` are of `bufferSize` bytes, whatever the size of the reads made
/// of it. `base` is only used by the reading thread, which is stopped and waited for when the
/// source is dropped.
public struct PrefetchingSource: ByteSource {
  private let owner: Owner

  /// Reads `base` ahead into `count` buffers of `bufferSize` bytes.
  public init<Base: ByteSource>(_ base: Base, bufferSize: Int = 1 << 20, count: Int = 3) {
    precondition(bufferSize > 0 && count > 0)
    let ring = Ring(bufferSize: bufferSize, count: count)
    owner = Owner(ring)
    let reader = Reader(base: base, ring: ring)
    let thread = Thread { reader.run() }
    thread.name = "rmq-doctor prefetch"
    thread.start()
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError)
    -> Int
  {
    try owner.ring.take(into: buffer)
  }

  /// Stops the reading thread when the source is dropped.
  private final class Owner {
    let ring: Ring
    init(_ ring: Ring) { self.ring = ring }
    deinit { ring.stopAndWait() }
  }

  /// The reading thread's work; `base` is used by that thread only.
  private final class Reader<Base: ByteSource>: @unchecked Sendable {
    var base: Base
    let ring: Ring

    init(base: Base, ring: Ring) {
      self.base = base
      self.ring = ring
    }

    func run() {
      defer { ring.exited() }
      while let index = ring.freeBuffer() {
        do throws(ScanInputError) {
          let count = try base.read(into: ring.buffers[index])
          if !ring.filled(index, count: count) { return }
        } catch {
          ring.failed(index, error)
          return
        }
      }
    }
  }

  /// The buffers, which of them are filled (in order) and free, shared by the two threads.
  private final class Ring: @unchecked Sendable {
    let condition = NSCondition()
    let buffers: [UnsafeMutableRawBufferPointer]
    var free: [Int]
    /// Filled buffers in the order they were read, with their byte counts.
    var filled: [(index: Int, count: Int)] = []
    /// The buffer being handed out, and how far.
    var current: (index: Int, offset: Int, count: Int)?
    var ended = false
    var error: ScanInputError?
    var stopped = false
    var readerExited = false

    init(bufferSize: Int, count: Int) {
      buffers = (0..<count).map { _ in .allocate(byteCount: bufferSize, alignment: 64) }
      free = Array(0..<count)
    }

    deinit { for buffer in buffers { buffer.deallocate() } }

    // The reading thread's side.

    func freeBuffer() -> Int? {
      condition.lock()
      defer { condition.unlock() }
      while free.isEmpty, !stopped { condition.wait() }
      return stopped ? nil : free.removeFirst()
    }

    /// Hands in a filled buffer; false when that was the end.
    func filled(_ index: Int, count: Int) -> Bool {
      condition.lock()
      defer { condition.unlock() }
      if count == 0 {
        free.append(index)
        ended = true
      } else {
        filled.append((index, count))
      }
      condition.broadcast()
      return count > 0
    }

    func failed(_ index: Int, _ error: ScanInputError) {
      condition.lock()
      defer { condition.unlock() }
      free.append(index)
      self.error = error
      ended = true
      condition.broadcast()
    }

    func exited() {
      condition.lock()
      defer { condition.unlock() }
      readerExited = true
      condition.broadcast()
    }

    // The consumer's side.

    func take(into buffer: UnsafeMutableRawBufferPointer) throws(ScanInputError) -> Int {
      guard buffer.count > 0 else { return 0 }
      if current == nil {
        condition.lock()
        while filled.isEmpty, !ended { condition.wait() }
        if filled.isEmpty {
          let error = self.error
          self.error = nil
          condition.unlock()
          if let error { throw error }
          return 0
        }
        let next = filled.removeFirst()
        condition.unlock()
        current = (next.index, 0, next.count)
      }
      let (index, offset, count) = current!
      let copied = min(buffer.count, count - offset)
      buffer.baseAddress!.copyMemory(from: buffers[index].baseAddress! + offset, byteCount: copied)
      if offset + copied == count {
        current = nil
        condition.lock()
        free.append(index)
        condition.broadcast()
        condition.unlock()
      } else {
        current = (index, offset + copied, count)
      }
      return copied
    }

    func stopAndWait() {
      condition.lock()
      defer { condition.unlock() }
      stopped = true
      condition.broadcast()
      while !readerExited { condition.wait() }
    }
  }
}
