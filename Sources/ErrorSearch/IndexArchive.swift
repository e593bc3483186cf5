/// A search index saved as text and read back, so that a short-lived process need not read
/// and normalise every guide on each query, nor number and sort their words again.
///
/// The archive holds the index as built: its words in number order, then one record per line,
/// fields separated by tabs; text fields escape `\`, tab and newline:
///
///     words <word> <word> ...
///     doc <id> <title> <length> <follow-on|->
///     sig <message> <word number> <word number> ...
///     terms <word number>:<count> <word number>:<count> ...   (ascending word numbers)
///
/// Words are letters and digits only, so they need no escaping.
public enum IndexArchive {
  /// The first line of every archive; a different one is not read.
  public static let header = "rmq-doctor search index 3"

  /// A line of the archive that cannot be read.
  public struct FormatError: Error, CustomStringConvertible, Sendable {
    /// The line number, from 1.
    public var line: Int
    /// What is wrong.
    public var reason: String
    public var description: String { "line \(line): \(reason)" }
  }

  /// `index` as archive text.
  public static func write(_ index: SearchIndex) -> String {
    var out = header + "\n"
    out += "words\t" + index.vocabulary.words.joined(separator: " ") + "\n"
    var signatures = index.matcher.signatures[...]
    for (number, guide) in index.guides.enumerated() {
      out += "doc\t\(escape(guide.id))\t\(escape(guide.title))\t\(guide.length)"
      out += guide.followOn ? "\tfollow-on\n" : "\t-\n"
      while let signature = signatures.first, signature.document == number {
        out +=
          "sig\t\(escape(signature.text))\t\(signature.words.map(String.init).joined(separator: " "))\n"
        signatures = signatures.dropFirst()
      }
      out +=
        "terms\t" + index.bm25.terms[number].map { "\($0.word):\($0.count)" }.joined(separator: " ")
        + "\n"
    }
    return out
  }

  /// The index of archive `text`, ranking with `parameters`.
  public static func read(_ text: String, parameters: SearchIndex.Parameters = .init())
    throws(FormatError) -> SearchIndex
  {
    var text = text
    var result: Result<SearchIndex, FormatError>?
    text.withUTF8 { bytes in
      do throws(FormatError) {
        var reader = ArchiveReader(bytes)
        result = .success(try reader.read(parameters: parameters))
      } catch {
        result = .failure(error)
      }
    }
    return try result!.get()
  }

  static func escape(_ text: String) -> String {
    guard
      text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    else {
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
    // Bytes, not Foundation's `contains`: this runs for every title and message of a saved index.
    guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
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
