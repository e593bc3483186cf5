/// Every word the index knows, numbered, so that matching compares integers, not strings.
struct Vocabulary: Sendable {
  /// The number of a word no document contains.
  static let unknown = -1

  private(set) var numbers: [String: Int] = [:]

  var count: Int { numbers.count }

  /// The word's number, adding it if it is new.
  mutating func add(_ word: String) -> Int {
    if let number = numbers[word] { return number }
    numbers[word] = numbers.count
    return numbers.count - 1
  }

  /// The word's number, or ``unknown``.
  func number(_ word: String) -> Int { numbers[word] ?? Self.unknown }
}
