/// Every word the index knows, numbered, so that matching compares integers, not strings.
struct Vocabulary: Sendable {
  /// The number of a word no document contains.
  static let unknown = -1

  private(set) var numbers: [String: Int] = [:]
  /// The words in number order.
  private(set) var words: [String] = []

  var count: Int { words.count }

  /// An empty vocabulary.
  init() {}

  /// The words of a saved index, numbered in their order; `nil` when a word comes twice.
  init?(words: [String]) {
    numbers.reserveCapacity(words.count)
    for (number, word) in words.enumerated() {
      guard numbers.updateValue(number, forKey: word) == nil else { return nil }
    }
    self.words = words
  }

  /// The word's number, adding it if it is new.
  mutating func add(_ word: String) -> Int {
    if let number = numbers[word] { return number }
    numbers[word] = words.count
    words.append(word)
    return words.count - 1
  }

  /// The word's number, or ``unknown``.
  func number(_ word: String) -> Int { numbers[word] ?? Self.unknown }
}
