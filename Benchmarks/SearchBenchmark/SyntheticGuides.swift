import BenchmarkSupport
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
        document.signatures = document.signatures.map {
          "\($0) \(word(&generator)) \(word(&generator))"
        }
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
