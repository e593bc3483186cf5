import Foundation

/// Timings of one thing done many times.
struct Measurement {
  var name: String
  var samples: [Duration]

  var median: Duration { percentile(0.5) }
  var p99: Duration { percentile(0.99) }

  func percentile(_ p: Double) -> Duration {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return .zero }
    let rank = Int((p * Double(sorted.count - 1)).rounded(.up))
    return sorted[min(rank, sorted.count - 1)]
  }

  /// Runs `body` `iterations` times after `warmUp` unmeasured runs.
  static func of(
    _ name: String, iterations: Int, warmUp: Int = 3, _ body: () throws -> Void
  ) rethrows -> Measurement {
    for _ in 0..<warmUp { try body() }
    let clock = ContinuousClock()
    var samples: [Duration] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
      let start = clock.now
      try body()
      samples.append(clock.now - start)
    }
    return Measurement(name: name, samples: samples)
  }
}

extension Duration {
  /// Seconds as a Double.
  var seconds: Double {
    let (s, attoseconds) = components
    return Double(s) + Double(attoseconds) / 1e18
  }

  /// `0.41 ms`, `12.3 µs`, `1.20 s`.
  var formatted: String {
    let s = seconds
    if s >= 1 { return String(format: "%.2f s", s) }
    if s >= 1e-3 { return String(format: "%.2f ms", s * 1e3) }
    return String(format: "%.1f µs", s * 1e6)
  }
}
