import Foundation
import TroubleshootingEngine

#if canImport(Glibc)
  import Glibc
#endif

/// The wizard on a terminal: the screen is redrawn for each question; arrow keys or numbers
/// choose, Enter confirms, `b` goes back, `?` shows why the question matters, `q` or Ctrl-C
/// leaves. The terminal's settings are restored however the wizard ends.
struct TerminalMenu: Prompter {
  private var saved = termios()
  private var raw = false
  private let style: Bool

  init(colour: Bool) {
    style = colour
    if tcgetattr(STDIN_FILENO, &saved) == 0 {
      var settings = saved
      // No line editing, no echo, no signals from keys (Ctrl-C arrives as a byte); output
      // processing stays, so "\n" still returns the carriage.
      settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
      settings.c_iflag &= ~tcflag_t(IXON | ICRNL)
      withUnsafeMutableBytes(of: &settings.c_cc) { bytes in
        bytes[Int(VMIN)] = 1
        bytes[Int(VTIME)] = 0
      }
      raw = tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings) == 0
    }
  }

  mutating func finish() {
    if raw {
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
      raw = false
    }
    write("\u{1B}[?25h")
  }

  private func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  private func bold(_ text: String) -> String { style ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
  private func dim(_ text: String) -> String { style ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

  /// One key: a character, or an arrow as `up`/`down`; nil at end of input.
  private func readKey() -> String? {
    var byte: UInt8 = 0
    guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
    if byte == 0x1B {
      var sequence = [UInt8](repeating: 0, count: 2)
      var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 50) > 0, read(STDIN_FILENO, &sequence, 2) == 2, sequence[0] == 0x5B
      else { return "escape" }
      switch sequence[1] {
      case 0x41: return "up"
      case 0x42: return "down"
      default: return "escape"
      }
    }
    switch byte {
    case 0x03: return "ctrl-c"
    case 0x0D, 0x0A: return "enter"
    default: return String(decoding: [byte], as: UTF8.self)
    }
  }

  /// The whole screen, every line filled to the terminal's width between words: a choice's
  /// later lines are indented under its text.
  private func draw(_ title: String, _ labels: [String], cursor: Int, notes: [String], help: String)
  {
    let width = Terminal.width
    var screen = "\u{1B}[H\u{1B}[2J\u{1B}[?25l"
    screen += MenuText.wrap(title, width: width).map(bold).joined(separator: "\n") + "\n\n"
    for (index, label) in labels.enumerated() {
      let number = "\(index + 1). "
      let lead = (index == cursor ? "> " : "  ") + number
      let lines = MenuText.wrap(
        label, width: width, first: lead, rest: String(repeating: " ", count: lead.count))
      screen += lines.map { index == cursor ? bold($0) : $0 }.joined(separator: "\n") + "\n"
    }
    if !notes.isEmpty {
      screen +=
        "\n" + notes.flatMap { MenuText.wrap($0, width: width) }.joined(separator: "\n") + "\n"
    }
    screen += "\n" + MenuText.wrap(help, width: width).map(dim).joined(separator: "\n") + "\n"
    write(screen)
  }

  mutating func ask(_ pending: PendingQuestion, canGoBack: Bool) -> PromptReply {
    let choices = OfferedChoices(pending)
    var cursor = choices.suggested ?? 0
    var showWhy = false
    let help =
      "Up/Down or 1-\(choices.ids.count) to choose, Enter to confirm, "
      + (canGoBack ? "b back, " : "") + "? why this matters, q quit"
    while true {
      var notes = OfferedChoices.evidenceLines(pending)
      if showWhy {
        notes += [
          "Why this matters: "
            + pending.question.why.trimmingCharacters(in: .whitespacesAndNewlines)
        ]
      }
      draw(
        "Question \(pending.number + 1): \(pending.question.text)", choices.labels, cursor: cursor,
        notes: notes, help: help)
      switch readKey() {
      case nil, "q", "ctrl-c": return .quit
      case "up": cursor = (cursor + choices.ids.count - 1) % choices.ids.count
      case "down": cursor = (cursor + 1) % choices.ids.count
      case "enter": return .answer(choices.ids[cursor])
      case "b" where canGoBack: return .back
      case "?": showWhy.toggle()
      case let key?:
        if let number = Int(key), choices.ids.indices.contains(number - 1) {
          cursor = number - 1
          return .answer(choices.ids[cursor])
        }
      }
    }
  }

  mutating func choose(_ title: String, _ options: [(id: String, label: String)], suggested: Int?)
    -> String?
  {
    let labels = options.map(\.label) + ["None of these"]
    // With no suggestion the cursor starts on "None of these": Enter alone guesses nothing.
    var cursor = suggested.flatMap { options.indices.contains($0) ? $0 : nil } ?? options.count
    while true {
      draw(
        title, labels, cursor: cursor, notes: [],
        help: "Up/Down or a number to choose, Enter to confirm, q quit")
      switch readKey() {
      case nil, "q", "ctrl-c": return nil
      case "up": cursor = (cursor + labels.count - 1) % labels.count
      case "down": cursor = (cursor + 1) % labels.count
      case "enter": return cursor < options.count ? options[cursor].id : nil
      case let key?:
        if let number = Int(key), labels.indices.contains(number - 1) {
          return number <= options.count ? options[number - 1].id : nil
        }
      }
    }
  }

  mutating func readPaste(_ prompt: String) -> String {
    // Pasting needs the terminal's own line editing.
    if raw { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
    write("\u{1B}[H\u{1B}[2J\u{1B}[?25h" + bold(prompt) + "\n")
    var lines: [String] = []
    while let line = readLine(), !line.isEmpty || lines.isEmpty {
      if line.isEmpty { continue }
      lines.append(line)
    }
    if raw {
      var settings = saved
      settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
      settings.c_iflag &= ~tcflag_t(IXON | ICRNL)
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
    }
    return lines.joined(separator: "\n")
  }
}
