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
        out += "  \(id) \(format(hit.signatureScore))      \(format(hit.textScore))  \(format(hit.score))\n"
      }
      out += "\n"
    }
    guard let best = outcome.results.first else {
      return out + "No guide matches this text. 'rmq-doctor list' shows every guide.\n"
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

/// Standard input, read with limits: a paste never needs more than a megabyte.
enum StandardInput {
  static var isTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// Up to 1 MiB of standard input as text; invalid UTF-8 becomes U+FFFD.
  static func readText(limit: Int = 1 << 20) -> String {
    var data = Data()
    while data.count < limit {
      guard let chunk = try? FileHandle.standardInput.read(upToCount: min(65536, limit - data.count)),
        !chunk.isEmpty
      else { break }
      data.append(chunk)
    }
    return String(decoding: data, as: UTF8.self)
  }
}
