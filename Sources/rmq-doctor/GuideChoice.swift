import ArgumentParser
import CommandLineSupport
import ErrorSearch
import Foundation
import GuideKit

/// Which guide the wizard walks: the one named, or the one the pasted error finds.
enum GuideChoice {
  static func resolve(
    id: String?, error: String?, library: ContentLibrary, contentDirectory: String,
    prompter: Prompter?
  ) throws -> (Guide, String?) {
    if let id {
      guard let guide = library.guide(id) else {
        let hint =
          Suggestion.closest(to: id, among: library.guides.map(\.id))
          .map { "; did you mean '\($0)'?" } ?? "; 'rmq-doctor list' shows the ids"
        throw CLIError("no guide with id '\(id)'\(hint)")
      }
      return (guide, error)
    }
    var prompter = prompter
    var text = error ?? ""
    if text.isEmpty {
      guard var asking = prompter else {
        throw ValidationError("give a guide id or --error TEXT when answers are scripted")
      }
      text = asking.readPaste("Paste the error you see, then press Enter on an empty line:")
      prompter = asking
    }
    guard text.contains(where: { !$0.isWhitespace }) else {
      throw ValidationError("the error text is empty")
    }
    let cache = SearchIndexCache(
      contentDirectory: contentDirectory, cacheDirectory: SearchIndexCache.defaultDirectory())
    let outcome = try cache.index { library }.search(text)
    let closest = outcome.results.map { (id: $0.id, label: "\($0.id): \($0.title)") }
    if outcome.confident, let best = outcome.results.first, let guide = library.guide(best.id) {
      // Asked for the error, the wizard shows what it found and lets the user confirm it.
      guard var asking = prompter else { return (guide, text) }
      guard
        let chosen = asking.choose(
          "This error is explained by \(best.id) (\(best.reason)). Continue with:", closest,
          suggested: 0),
        let confirmed = library.guide(chosen)
      else {
        throw CLIError("no guide chosen; 'rmq-doctor list' shows them all")
      }
      return (confirmed, text)
    }
    guard var asking = prompter, !closest.isEmpty else {
      let names = closest.map(\.id).joined(separator: ", ")
      throw CLIError(
        "no guide explains this error with confidence\(names.isEmpty ? "" : "; the closest are \(names)"); name one: rmq-doctor wizard ID"
      )
    }
    // Nothing is suggested: a guess must be the user's own choice, not what Enter alone picks.
    guard
      let chosen = asking.choose(
        "No guide matches with confidence. The closest:", closest, suggested: nil),
      let guide = library.guide(chosen)
    else {
      throw CLIError("no guide chosen; 'rmq-doctor list' shows them all")
    }
    return (guide, text)
  }
}
