import ErrorSearch

/// Makes any number of distinct guides, as the search sees them, out of the shipped ones.
///
/// Guide `n` is a copy of shipped guide `n % count` whose id is suffixed with `n` and whose
/// messages and prose each gain made-up words of their own (`zq17k`, ...), so that every copy
/// has signatures and vocabulary no other copy has, the way a real library of distinct errors
/// would. Deterministic: the same `count` gives the same guides.
struct SyntheticGuides {
  let templates: [SearchDocument]

  func make(_ count: Int) -> [SearchDocument] {
    var generator = SplitMix64(seed: 0x5EED)
    return (0..<count).map { n in
      var document = templates[n % templates.count]
      if n >= templates.count {
        document.id += "-\(n)"
        document.title += " (variant \(n))"
        document.signatures = document.signatures.map { "\($0) \(word(&generator)) \(word(&generator))" }
        let invented = (0..<40).map { _ in word(&generator) }.joined(separator: " ")
        document.body += "\n" + invented
      }
      return document
    }
  }

  /// A made-up word that no guide and no query contains.
  private func word(_ generator: inout SplitMix64) -> String {
    "zq" + String(generator.next() % 46_656, radix: 36)
  }
}

/// A small, fast, seeded pseudo-random generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
