import Foundation
import TroubleshootingEngine

/// Numbered prompts read line by line, on standard error so that standard output carries
/// only the outcome: for pipes, scripts and screen readers (no cursor movement).
struct LinePrompter: Prompter {
  private func say(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  private func prompt(_ text: String) -> String? {
    FileHandle.standardError.write(Data(text.utf8))
    return readLine()?.trimmingCharacters(in: .whitespaces)
  }

  mutating func ask(_ pending: PendingQuestion, canGoBack: Bool) -> PromptReply {
    let choices = OfferedChoices(pending)
    say("")
    say("Question \(pending.number + 1): \(pending.question.text)")
    for (index, label) in choices.labels.enumerated() {
      say("  \(index + 1). \(label)")
    }
    for line in OfferedChoices.evidenceLines(pending) { say(line) }
    let fallback = choices.suggested.map { " [\($0 + 1)]" } ?? ""
    let keys =
      canGoBack ? "a number, b to go back, ? for why, q to quit" : "a number, ? for why, q to quit"
    while true {
      guard let line = prompt("Answer with \(keys)\(fallback): ") else { return .quit }
      switch line.lowercased() {
      case "":
        if let suggested = choices.suggested { return .answer(choices.ids[suggested]) }
        say("Please answer with a number from 1 to \(choices.ids.count).")
      case "q", "quit": return .quit
      case "b", "back":
        if canGoBack { return .back }
        say("This is the first question.")
      case "?": say(pending.question.why.trimmingCharacters(in: .whitespacesAndNewlines))
      default:
        if let number = Int(line), choices.ids.indices.contains(number - 1) {
          return .answer(choices.ids[number - 1])
        }
        if let id = choices.ids.first(where: { $0 == line }) { return .answer(id) }
        say("Please answer with a number from 1 to \(choices.ids.count).")
      }
    }
  }

  mutating func choose(_ title: String, _ options: [(id: String, label: String)], suggested: Int?)
    -> String?
  {
    say(title)
    for (index, option) in options.enumerated() { say("  \(index + 1). \(option.label)") }
    say("  \(options.count + 1). None of these")
    let suggestion = suggested.flatMap { options.indices.contains($0) ? $0 : nil }
    while true {
      guard
        let line = prompt(suggestion.map { "Choose a number [\($0 + 1)]: " } ?? "Choose a number: ")
      else { return nil }
      if line.isEmpty, let suggestion { return options[suggestion].id }
      if line.lowercased() == "q" { return nil }
      if let number = Int(line), (1...options.count + 1).contains(number) {
        return number <= options.count ? options[number - 1].id : nil
      }
      say("Please answer with a number from 1 to \(options.count + 1).")
    }
  }

  mutating func readPaste(_ prompt: String) -> String {
    say(prompt)
    var lines: [String] = []
    while let line = readLine(), !line.isEmpty || lines.isEmpty {
      if line.isEmpty { continue }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  mutating func finish() {}
}
