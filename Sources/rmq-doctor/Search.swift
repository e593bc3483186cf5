import ArgumentParser
import CommandLineSupport
import ErrorSearch
import Foundation
import GuideKit

extension RMQDoctor {
  /// `rmq-doctor search`: find the guide for a pasted error.
  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract: "Find the guide that explains a pasted error message.",
      discussion: """
        Paste a broker log line, an old-style =WARNING REPORT==== entry, a client exception or \
        the end of a traceback. With no text, or with '-', the error is read from standard \
        input, so multi-line pastes work: rmq-doctor search < error.txt. Exits with 0 when a \
        guide matches with confidence, 1 when none does (the closest guides are listed), and \
        2 on usage errors.
        """)

    @OptionGroup var options: ContentOptions

    @Argument(help: "The error text; '-' or nothing reads standard input.")
    var text: [String] = []

    @Flag(help: "Show the normalised query and how each guide scored.")
    var explain = false

    @Flag(help: "Print one JSON object: query, confident, results.")
    var json = false

    @Option(help: "How many guides to list at most.")
    var limit = 5

    func validate() throws {
      guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
      if text.isEmpty && StandardInput.isTerminal {
        throw ValidationError("give the error text, or pipe it in: rmq-doctor search < error.txt")
      }
    }

    func run() throws {
      let query =
        text.isEmpty || text == ["-"] ? StandardInput.readText() : text.joined(separator: " ")
      guard query.contains(where: { !$0.isWhitespace }) else {
        throw ValidationError("the error text is empty")
      }
      let cache = SearchIndexCache(
        contentDirectory: try options.directory(),
        cacheDirectory: SearchIndexCache.defaultDirectory())
      let index = try cache.index(loading: options.load)
      let outcome = index.search(query, limit: limit)
      if json {
        print(try JSONOutput.encode(SearchReport(outcome)))
      } else {
        print(SearchPresentation.text(outcome, explain: explain), terminator: "")
      }
      if !outcome.confident { throw ExitCode(1) }
    }
  }
}
