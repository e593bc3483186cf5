/// A small random generator with a fixed seed, so that tests that generate their inputs
/// generate the same ones on every run (a 64-bit linear congruential generator, Knuth's MMIX
/// constants, read from its high bits).
public struct SeededRandom {
  private var state: UInt64

  /// A generator starting from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next number in `0..<bound`.
  public mutating func next(below bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}
