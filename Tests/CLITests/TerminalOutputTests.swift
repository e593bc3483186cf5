import Foundation
import Testing

/// `show` as it looks in a real terminal: colour on a TTY, none with NO_COLOR, wrapped to the
/// terminal's width.
@Suite struct TerminalOutputTests {
  static let escape = "\u{1B}["

  @Test func colourOnATerminal() throws {
    let screen = try PseudoTerminal.run(["show", "alpha", "--content", Binary.fixtureContent])
    #expect(screen.contains(Self.escape + "1m"))
    let visible = screen.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    #expect(visible.contains("Alpha: {socket_error,alpha}"))
  }

  @Test func noColourWithNO_COLOR() throws {
    let screen = try PseudoTerminal.run(
      ["show", "alpha", "--content", Binary.fixtureContent], environment: ["NO_COLOR": "1"])
    #expect(!screen.contains(Self.escape))
    #expect(screen.contains("Alpha: {socket_error,alpha}"))
  }

  @Test func noColourOnADumbTerminal() throws {
    let screen = try PseudoTerminal.run(
      ["show", "alpha", "--content", Binary.fixtureContent], environment: ["TERM": "dumb"])
    #expect(!screen.contains(Self.escape))
  }

  @Test func wrapsToTheTerminalsWidth() throws {
    let screen = try PseudoTerminal.run(
      ["show", "alpha", "--content", Binary.fixtureContent], environment: ["NO_COLOR": "1"],
      columns: 30)
    let lines = screen.split(separator: "\n")
    #expect(lines.contains("It means alpha happened, see"))
    // Code blocks keep their lines, and one word longer than the width stands alone.
    for line in lines where !line.hasPrefix("    ") && line.drop(while: { $0 == " " }).contains(" ")
    {
      #expect(line.count <= 30, "too wide: \(line)")
    }
  }
}
