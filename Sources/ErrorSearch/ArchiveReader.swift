/// Reads an ``IndexArchive`` from its UTF-8 bytes. It works on bytes, not characters, because
/// a saved index is read on every query, and it checks every number, because the file is only
/// a cache that anything may have damaged: a damaged one is refused with its line, never
/// trusted.
struct ArchiveReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var lineNumber = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private static let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"),
    space = UInt8(ascii: " ")
  private static let colon = UInt8(ascii: ":")

  mutating func read(parameters: SearchIndex.Parameters) throws(IndexArchive.FormatError)
    -> SearchIndex
  {
    var vocabulary: Vocabulary?
    var guides: [SearchIndex.Guide] = []
    var terms: [[BM25.Term]] = []
    var hasTerms: [Bool] = []
    var messages: [(document: Int, text: String, words: [Int])] = []
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != Self.newline { end += 1 }
      lineNumber += 1
      let line = start..<end
      start = end + 1
      if lineNumber == 1 {
        guard string(line) == IndexArchive.header else {
          throw failure("not a search index of this version")
        }
        continue
      }
      if line.isEmpty { continue }
      let parts = fields(line)
      switch (string(parts[0]), parts.count) {
      case ("words", 2) where vocabulary == nil && guides.isEmpty:
        let words = split(parts[1], by: Self.space).map(string)
        guard let numbered = Vocabulary(words: words) else { throw failure("a word twice") }
        vocabulary = numbered
      case ("doc", 5) where vocabulary != nil:
        guard let length = integer(parts[3]) else { throw failure("bad length") }
        let kind = string(parts[4])
        guard kind == "follow-on" || kind == "-" else { throw failure("bad kind '\(kind)'") }
        guides.append(
          .init(
            id: IndexArchive.unescape(string(parts[1])[...]),
            title: IndexArchive.unescape(string(parts[2])[...]),
            length: length, followOn: kind == "follow-on"))
        terms.append([])
        hasTerms.append(false)
      case ("sig", 3) where !guides.isEmpty:
        let words = try split(parts[2], by: Self.space).map {
          range throws(IndexArchive.FormatError) in
          try word(range, count: vocabulary!.count)
        }
        guard !words.isEmpty else { throw failure("a message without words") }
        messages.append((guides.count - 1, IndexArchive.unescape(string(parts[1])[...]), words))
      case ("terms", 2) where !guides.isEmpty && !hasTerms[guides.count - 1]:
        var list: [BM25.Term] = []
        for pair in split(parts[1], by: Self.space) {
          guard let colon = pair.firstIndex(where: { bytes[$0] == Self.colon }),
            let count = integer(colon + 1..<pair.upperBound), count > 0
          else { throw failure("bad term count '\(string(pair))'") }
          let number = try word(pair.lowerBound..<colon, count: vocabulary!.count)
          guard list.last.map({ $0.word < number }) ?? true else {
            throw failure("word numbers out of order")
          }
          list.append(BM25.Term(word: number, count: count))
        }
        terms[guides.count - 1] = list
        hasTerms[guides.count - 1] = true
      default:
        throw failure("unexpected record")
      }
    }
    guard lineNumber > 0 else { throw IndexArchive.FormatError(line: 1, reason: "empty") }
    let words = vocabulary ?? Vocabulary()
    let bm25 = BM25(terms: terms, lengths: guides.map(\.length), wordCount: words.count)
    let matcher = SignatureMatcher(
      messages: messages, documentCount: guides.count, wordCount: words.count)
    return SearchIndex(
      guides: guides, vocabulary: words, bm25: bm25, matcher: matcher, parameters: parameters)
  }

  private func failure(_ reason: String) -> IndexArchive.FormatError {
    IndexArchive.FormatError(line: lineNumber, reason: reason)
  }

  private func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  private func fields(_ line: Range<Int>) -> [Range<Int>] {
    split(line, by: Self.tab, keepingEmpty: true)
  }

  /// The parts of `range` between `separator`s; empty parts only when `keepingEmpty`.
  private func split(_ range: Range<Int>, by separator: UInt8, keepingEmpty: Bool = false)
    -> [Range<Int>]
  {
    var result: [Range<Int>] = []
    var start = range.lowerBound
    for i in range where bytes[i] == separator {
      if keepingEmpty || i > start { result.append(start..<i) }
      start = i + 1
    }
    if keepingEmpty || range.upperBound > start { result.append(start..<range.upperBound) }
    return result
  }

  /// A word number below `count`.
  private func word(_ range: Range<Int>, count: Int) throws(IndexArchive.FormatError) -> Int {
    guard let number = integer(range), number < count else {
      throw failure("bad word number '\(string(range))'")
    }
    return number
  }

  private func integer(_ range: Range<Int>) -> Int? {
    guard !range.isEmpty, range.count < 18 else { return nil }
    var value = 0
    for i in range {
      let digit = Int(bytes[i]) - 48
      guard (0...9).contains(digit) else { return nil }
      value = value * 10 + digit
    }
    return value
  }
}
