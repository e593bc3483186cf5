import Foundation

/// Timings of one thing done many times.
public struct Timing {
  public var name: String
  public var samples: [Duration]

  public init(name: String, samples: [Duration]) {
    self.name = name
    self.samples = samples
  }

  public var median: Duration { percentile(0.5) }
  public var p99: Duration { percentile(0.99) }

  public func percentile(_ p: Double) -> Duration {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return .zero }
    let rank = Int((p * Double(sorted.count - 1)).rounded(.up))
    return sorted[min(rank, sorted.count - 1)]
  }

  /// Runs `body` `iterations` times after `warmUp` unmeasured runs.
  public static func of(
    _ name: String, iterations: Int, warmUp: Int = 3, _ body: () throws -> Void
  ) rethrows -> Timing {
    for _ in 0..<warmUp { try body() }
    let clock = ContinuousClock()
    var samples: [Duration] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
      let start = clock.now
      try body()
      samples.append(clock.now - start)
    }
    return Timing(name: name, samples: samples)
  }
}

extension Duration {
  /// Seconds as a Double.
  public var seconds: Double {
    let (s, attoseconds) = components
    return Double(s) + Double(attoseconds) / 1e18
  }

  /// `0.41 ms`, `12.3 µs`, `1.20 s`.
  public var formatted: String {
    let s = seconds
    if s >= 1 { return String(format: "%.2f s", s) }
    if s >= 1e-3 { return String(format: "%.2f ms", s * 1e3) }
    return String(format: "%.1f µs", s * 1e6)
  }
}
