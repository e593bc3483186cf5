import Foundation
import Testing

/// The wizard's menus when a pasted error matches no guide with confidence: lines broken
/// between words at the terminal's width, and no guess taken for the user.
@Suite struct WizardMenuTests {
  /// Matches the shipped guides only loosely, so the wizard offers the closest ones.
  static let vague = "socket error happened somewhere"

  /// The screen without its escape codes, from the last clear on.
  func lastScreen(_ screen: String) -> String {
    let visible = screen.replacing(/\u{1B}\[[0-9;?]*[A-Za-z]/, with: "\u{0}")
      .replacingOccurrences(of: "\u{0}\u{0}\u{0}", with: "\u{0}")
    return visible.replacingOccurrences(of: "\u{0}", with: "").replacingOccurrences(
      of: "\r", with: "")
  }

  @Test func longChoicesWrapBetweenWordsOnANinetyColumnTerminal() throws {
    let run = try Binary.run(["search", "--json", "--content", Binary.shippedContent, Self.vague])
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["confident"] as? Bool == false)
    let titles = (object["results"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    try #require(titles.contains { $0.count > 80 }, "no long title to wrap: \(titles)")

    let session = try PseudoTerminal.interact(
      ["wizard", "--error", Self.vague, "--content", Binary.shippedContent],
      keys: [(after: "None of these", send: "q")], columns: 90)
    let screen = lastScreen(session.screen)
    let lines = screen.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 90 }, "\(lines.filter { $0.count > 90 })")
    for word in titles.flatMap({ $0.split(separator: " ") }) {
      #expect(screen.contains(word), "'\(word)' was broken:\n\(screen)")
    }
    #expect(session.restored)
  }

  @Test func enterAloneOnAVagueMatchChoosesNoGuide() throws {
    let session = try PseudoTerminal.interact(
      ["wizard", "--error", Self.vague, "--content", Binary.shippedContent],
      keys: [(after: "None of these", send: "\r")], columns: 90)
    #expect(session.status == 1, "\(session.screen)")
    #expect(session.screen.contains("no guide chosen"))
    #expect(!session.screen.contains("Question 1:"))
    #expect(
      lastScreen(session.screen).contains("> 6. None of these"), "\(lastScreen(session.screen))")
  }

  @Test func anEmptyAnswerToAVagueMatchIsAskedAgainWhenScripted() throws {
    let run = try Binary.run(
      [
        "wizard", "--error", "socket error happened in alpha or beta", "--content",
        Binary.fixtureContent,
      ], stdin: Data("\n2\n1\n1\n".utf8))
    let shown = run.stdout + run.stderr
    #expect(shown.contains("Choose a number: Please answer with a number from 1 to 3."), "\(shown)")
    #expect(shown.contains("Question 1:"))
  }

  @Test func aConfidentMatchStillSuggestsItsGuide() throws {
    let run = try Binary.run(
      [
        "wizard", "--error", "missed heartbeats from client, timeout: 60s", "--content",
        Binary.shippedContent,
      ],
      stdin: Data("\n".utf8))
    let shown = run.stdout + run.stderr
    #expect(shown.contains("Choose a number [1]: "), "\(shown)")
    #expect(shown.contains("Question 1:"))
  }
}
