/// A search index saved as text and read back, so that a short-lived process need not read
/// and normalise every guide on each query.
///
/// One record per line, fields separated by tabs; text fields escape `\`, tab and newline:
///
///     doc <id> <title> <length> <follow-on|->
///     sig <message> <word> <word> ...
///     terms <word>:<count> <word>:<count> ...
///
/// Words are letters and digits only, so they need no escaping.
public enum IndexArchive {
  /// The first line of every archive; a different one is not read.
  public static let header = "rmq-doctor search index 2"

  /// A line of the archive that cannot be read.
  public struct FormatError: Error, CustomStringConvertible, Sendable {
    /// The line number, from 1.
    public var line: Int
    /// What is wrong.
    public var reason: String
    public var description: String { "line \(line): \(reason)" }
  }

  /// `documents` as archive text.
  public static func write(_ documents: [PreparedDocument]) -> String {
    var out = header + "\n"
    for document in documents {
      out += "doc\t\(escape(document.id))\t\(escape(document.title))\t\(document.length)"
      out += document.followOn ? "\tfollow-on\n" : "\t-\n"
      for signature in document.signatures {
        out += "sig\t\(escape(signature.text))\t\(signature.words.joined(separator: " "))\n"
      }
      out += "terms\t"
      out += document.termCounts.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
        .joined(separator: " ")
      out += "\n"
    }
    return out
  }

  /// The documents of archive `text`.
  public static func read(_ text: String) throws(FormatError) -> [PreparedDocument] {
    var text = text
    var result: Result<[PreparedDocument], FormatError> = .success([])
    text.withUTF8 { bytes in
      do throws(FormatError) { result = .success(try read(bytes)) } catch { result = .failure(error) }
    }
    return try result.get()
  }

  /// Reads the archive from its UTF-8 bytes; works on bytes, not characters, because a saved
  /// index is read on every query.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(FormatError) -> [PreparedDocument] {
    let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
    let colon = UInt8(ascii: ":")
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    func fields(_ line: Range<Int>) -> [Range<Int>] {
      var result: [Range<Int>] = []
      var start = line.lowerBound
      for i in line where bytes[i] == tab {
        result.append(start..<i)
        start = i + 1
      }
      result.append(start..<line.upperBound)
      return result
    }
    func integer(_ range: Range<Int>) -> Int? {
      guard !range.isEmpty, range.count < 18 else { return nil }
      var value = 0
      for i in range {
        let digit = Int(bytes[i]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }

    var documents: [PreparedDocument] = []
    var lineNumber = 0
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != newline { end += 1 }
      lineNumber += 1
      let line = start..<end
      start = end + 1
      if lineNumber == 1 {
        guard string(line) == header else { throw FormatError(line: 1, reason: "not a search index of this version") }
        continue
      }
      if line.isEmpty { continue }
      let parts = fields(line)
      switch (string(parts[0]), parts.count) {
      case ("doc", 5):
        guard let length = integer(parts[3]) else { throw FormatError(line: lineNumber, reason: "bad length") }
        let kind = string(parts[4])
        guard kind == "follow-on" || kind == "-" else { throw FormatError(line: lineNumber, reason: "bad kind '\(kind)'") }
        documents.append(PreparedDocument(
          id: unescape(string(parts[1])[...]), title: unescape(string(parts[2])[...]), signatures: [],
          termCounts: [:], length: length, followOn: kind == "follow-on"))
      case ("sig", 3) where !documents.isEmpty:
        let words = string(parts[2]).split(separator: " ").map(String.init)
        documents[documents.count - 1].signatures.append(.init(text: unescape(string(parts[1])[...]), words: words))
      case ("terms", 2) where !documents.isEmpty:
        var counts: [String: Int] = [:]
        var pairStart = parts[1].lowerBound
        var separator = -1
        for i in parts[1].lowerBound...parts[1].upperBound {
          if i < parts[1].upperBound && bytes[i] != space {
            if bytes[i] == colon { separator = i }
            continue
          }
          if i > pairStart {
            guard separator > pairStart, let count = integer(separator + 1..<i) else {
              throw FormatError(line: lineNumber, reason: "bad term count '\(string(pairStart..<i))'")
            }
            counts[string(pairStart..<separator)] = count
          }
          pairStart = i + 1
          separator = -1
        }
        documents[documents.count - 1].termCounts = counts
      default:
        throw FormatError(line: lineNumber, reason: "unexpected record")
      }
    }
    guard lineNumber > 0 else { throw FormatError(line: 1, reason: "empty") }
    return documents
  }

  static func escape(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
      case "\t": out.append(contentsOf: "\\t".unicodeScalars)
      case "\n": out.append(contentsOf: "\\n".unicodeScalars)
      case "\r": out.append(contentsOf: "\\r".unicodeScalars)
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  static func unescape(_ text: Substring) -> String {
    guard text.contains("\\") else { return String(text) }
    var out = String.UnicodeScalarView()
    var escaped = false
    for scalar in text.unicodeScalars {
      if escaped {
        out.append(scalar == "t" ? "\t" : scalar == "n" ? "\n" : scalar == "r" ? "\r" : scalar)
        escaped = false
      } else if scalar == "\\" {
        escaped = true
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
