import ErrorSearch
import Foundation

/// How search results read in a terminal.
enum SearchPresentation {
  static func text(_ outcome: SearchOutcome, explain: Bool) -> String {
    var out = ""
    if explain {
      out += "query (normalised): \(outcome.query)\n\n"
      out += "  guide                        signature  text   total\n"
      for hit in outcome.results {
        let id = hit.id.padding(toLength: 28, withPad: " ", startingAt: 0)
        out +=
          "  \(id) \(format(hit.signatureScore))      \(format(hit.textScore))  \(format(hit.score))\n"
      }
      out += "\n"
    }
    guard let best = outcome.results.first else {
      return out
        + "No guide matches this text: none shares more than common words with it. 'rmq-doctor list' shows every guide.\n"
    }
    if outcome.confident {
      out += "\(best.id): \(best.title)\n  \(best.reason)\n"
      out += "  rmq-doctor show \(best.id)\n"
      let others = outcome.results.dropFirst()
      if !others.isEmpty {
        out += "\nAlso related:\n"
        for hit in others { out += "  \(hit.id): \(hit.title)\n" }
      }
    } else {
      out += "No guide explains this error with confidence. The closest guides:\n"
      for (rank, hit) in outcome.results.enumerated() {
        out += "  \(rank + 1). \(hit.id): \(hit.title)\n     \(hit.reason)\n"
      }
    }
    return out
  }

  private static func format(_ value: Double) -> String {
    String(format: "%.3f", value)
  }
}

/// Standard input, read with limits.
enum StandardInput {
  static var isTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// Standard input as text, read to its end but at most `readLimit` bytes (so an endless
  /// stream cannot hang the search); of longer input only the first and last `keep` bytes
  /// are kept, which is where a log paste or a traceback carries its error. Invalid UTF-8
  /// becomes U+FFFD.
  static func readText(keep: Int = 1 << 19, readLimit: Int = 256 << 20) -> String {
    var head = Data()
    var tail = Data()
    var total = 0
    while total < readLimit,
      let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty
    {
      total += chunk.count
      if head.count < keep {
        let room = keep - head.count
        head.append(chunk.prefix(room))
        tail.append(chunk.dropFirst(room))
      } else {
        tail.append(chunk)
      }
      if tail.count > 2 * keep { tail = tail.suffix(keep) }
    }
    tail = tail.suffix(keep)
    if tail.isEmpty { return String(decoding: head, as: UTF8.self) }
    return String(decoding: head, as: UTF8.self) + "\n" + String(decoding: tail, as: UTF8.self)
  }
}
