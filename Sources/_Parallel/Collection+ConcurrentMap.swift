import Dispatch

extension RandomAccessCollection where Index == Int {
  /// The elements transformed by `transform`, in order, computed on all the cores at once.
  ///
  /// The result is the same as `map(transform)`: each result is stored at its element's place,
  /// so the order never depends on which thread finishes first. `transform` must be safe to
  /// call from several threads at once (it runs on the elements only, with no shared mutable
  /// state).
  package func concurrentMap<Result>(_ transform: (Element) -> Result) -> [Result] {
    let count = self.count
    guard count > 1 else { return map(transform) }
    let start = startIndex
    return withoutActuallyEscaping(transform) { transform in
      [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        let work = UnsafeSendable((self, transform, base))
        DispatchQueue.concurrentPerform(iterations: count) { offset in
          let (elements, transform, base) = work.value
          (base + offset).initialize(to: transform(elements[start + offset]))
        }
        initialized = count
      }
    }
  }

  /// `concurrentMap` for a transform that throws: every element is transformed, then the error
  /// of the first element (in order) that failed is thrown, as `map` would have thrown it.
  package func concurrentMapThrowing<Result, Failure: Error>(
    _ transform: (Element) throws(Failure) -> Result
  ) throws(Failure) -> [Result] {
    let outcomes = concurrentMap { element -> Swift.Result<Result, Failure> in
      do throws(Failure) { return .success(try transform(element)) } catch {
        return .failure(error)
      }
    }
    return try outcomes.map { outcome throws(Failure) in try outcome.get() }
  }
}

/// Values handed to the threads of `concurrentPerform`, which only read them (the results go to
/// separate slots of one buffer).
private struct UnsafeSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
