import Foundation
import Testing

/// The wizard on the fixture guide `alpha`: `heartbeat-off` (yes -> heartbeats-off, no ->
/// `alpha-local`), then `alpha-local` (yes -> something-else, no -> heartbeats-off).
@Suite struct WizardTests {
  let content = Binary.fixtureContent
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "rmq-doctor-wizard-\(UUID().uuidString)")

  func wizard(_ arguments: [String], stdin: String = "") throws -> Binary.Run {
    try Binary.run(["wizard", "--content", content] + arguments, stdin: Data(stdin.utf8))
  }

  // Scripted.

  @Test func scriptedAnswersGiveTheOutcomeAsJSON() throws {
    let run = try wizard(["alpha", "--answers", "heartbeat-off=no,alpha-local=yes", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["conclusive"] as? Bool == true)
    let causes = try #require(object["causes"] as? [[String: Any]])
    #expect(causes.map { $0["id"] as? String } == ["something-else"])
    let trail = try #require(object["trail"] as? [[String: Any]])
    #expect(trail.map { $0["answer"] as? String } == ["no", "yes"])
    #expect(trail.allSatisfy { $0["automatic"] as? Bool == false })
  }

  @Test func evidenceAnswersWhatTheAnswersLeaveOut() throws {
    // The real capture shows one connection with heartbeat 0.
    let run = try wizard([
      "alpha", "--answers", "alpha-local=yes", "--evidence", Binary.brokerFixtures, "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let trail = try #require(object["trail"] as? [[String: Any]])
    #expect(trail.first?["automatic"] as? Bool == true)
    #expect(trail.first?["rule"] as? String == "heartbeat-zero-connections > 0")
    let evidence = try #require(trail.first?["evidence"] as? [[String: Any]])
    #expect(
      evidence.contains {
        ($0["source"] as? String)?.hasPrefix("list-connections:rabbitmqctl-list_connections")
          == true
      })
    #expect((object["causes"] as? [[String: Any]])?.first?["id"] as? String == "heartbeats-off")
  }

  @Test func anAnswerThatIsNoChoiceIsAUsageError() throws {
    let run = try wizard(["alpha", "--answers", "heartbeat-off=maybe"])
    Binary.expectOneLineError(
      run, containing: "'maybe' is not an answer to 'heartbeat-off'; choose one of yes, no, unknown"
    )
    #expect(run.status == 2)
  }

  @Test func aQuestionTheGuideDoesNotAskIsAUsageError() throws {
    let run = try wizard(["alpha", "--answers", "heartbeat-of=no"])
    Binary.expectOneLineError(
      run,
      containing: "guide 'alpha' asks no question 'heartbeat-of'; did you mean 'heartbeat-off'?")
  }

  @Test func aMissingAnswerNamesTheQuestionAndItsChoices() throws {
    let run = try wizard(["alpha", "--answers", "heartbeat-off=no"])
    Binary.expectOneLineError(
      run,
      containing:
        "no answer for question 'alpha-local' (Is it local?); add alpha-local=one of yes, no, unknown"
    )
  }

  @Test func answersFileWithABadLineNamesTheLine() throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let file = scratch.appendingPathComponent("answers.txt").path
    try "# answers\nheartbeat-off=no\nalpha-local\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let run = try wizard(["alpha", "--answers-file", file])
    Binary.expectOneLineError(
      run, containing: "answers.txt:3: 'alpha-local' is not question=answer")
  }

  @Test func theReportIsAnIncidentNote() throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let file = scratch.appendingPathComponent("incident.md").path
    let run = try wizard([
      "alpha", "--error", "{socket_error, alpha}", "--answers",
      "heartbeat-off=unknown,alpha-local=yes",
      "--report", file,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let note = try String(contentsOfFile: file, encoding: .utf8)
    #expect(note.hasPrefix("# Incident note: Alpha: {socket_error,alpha}\n"))
    #expect(note.contains("## Error seen\n\n```text\n{socket_error, alpha}\n```"))
    #expect(note.contains("## 2 possible causes"))
    #expect(note.contains("- Do the connections negotiate heartbeat 0? **I don't know**"))
    #expect(note.contains("- Is it local? **Yes**"))
    #expect(note.contains("#### 1. Look elsewhere"))
  }

  @Test func aReportThatCannotBeWrittenLeavesNothingBehind() throws {
    let run = try wizard([
      "alpha", "--answers", "heartbeat-off=yes", "--report", "/no/such/folder/note.md",
    ])
    Binary.expectOneLineError(run, containing: "/no/such/folder/note.md: cannot write the report")
    #expect(!FileManager.default.fileExists(atPath: "/no/such/folder"))
  }

  @Test func anErrorNoGuideExplainsIsNotGuessed() throws {
    let run = try wizard([
      "--error", "something entirely different", "--answers", "heartbeat-off=yes",
    ])
    Binary.expectOneLineError(run, containing: "no guide explains this error with confidence")
  }

  // Line by line, through a pipe.

  @Test func numberedPromptsThroughAPipe() throws {
    let run = try wizard(["alpha"], stdin: "2\n1\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "Question 1: Do the connections negotiate heartbeat 0?\n  1. Yes\n  2. No\n  3. I don't know\n"
      ))
    #expect(run.stderr.contains("Question 2: Is it local?"))
    #expect(run.stdout.hasPrefix("Likely cause: Something else\n"))
    #expect(!run.stdout.contains("Question"))
  }

  @Test func backAndDontKnowThroughAPipe() throws {
    // No, then back, then I don't know, then Yes at the question that is still open.
    let run = try wizard(["alpha"], stdin: "2\nb\n3\n1\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.components(separatedBy: "Question 1:").count == 3)
    #expect(run.stdout.hasPrefix("2 possible causes\n"))
  }

  @Test func enterTakesTheSuggestedAnswerWithItsEvidence() throws {
    let run = try wizard(["alpha", "--evidence", Binary.brokerFixtures, "--json"], stdin: "\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("The diagnostics suggest: Yes (heartbeat-zero-connections > 0)"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let trail = try #require(object["trail"] as? [[String: Any]])
    #expect(trail.first?["automatic"] as? Bool == true)
  }

  @Test func whyExplainsTheQuestion() throws {
    let run = try wizard(["alpha"], stdin: "?\n1\n")
    #expect(run.stderr.contains("Without heartbeats nothing notices a dead peer."))
    #expect(run.status == 0)
  }

  @Test func endOfInputLeavesCleanly() throws {
    let run = try wizard(["alpha"], stdin: "2\n")
    #expect(run.status == 130)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasSuffix("rmq-doctor: left the wizard; nothing was written\n"))
  }

  @Test func aPastedErrorThatMatchesWithoutConfidenceOffersTheClosestGuides() throws {
    let run = try wizard(
      [], stdin: "2026-11-23 04:46:25 [error] <0.1.0> {socket_error, alpha}\n\n1\n1\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "No guide matches with confidence. The closest:\n  1. alpha: Alpha: {socket_error,alpha}"))
    #expect(run.stdout.hasPrefix("Likely cause: Heartbeats are off\n"))
  }

  @Test func aPastedBrokerLineStartsItsGuide() throws {
    let line =
      "2026-11-23 04:47:02.600015+00:00 [error] <0.775.0> missed heartbeats from client, timeout: 60s"
    let run = try Binary.run(
      ["wizard", "--content", Binary.shippedContent], stdin: Data((line + "\n\n\n").utf8))
    #expect(!run.stderr.contains("No guide matches"))
    #expect(
      run.stderr.contains("This error is explained by missed-heartbeats (matches the message"))
    #expect(run.stderr.contains("  1. missed-heartbeats: Missed heartbeats"))
    #expect(run.stderr.contains("Question 1:"))
    #expect(run.status == 130)
  }
}

/// The wizard in a real pseudo-terminal: keys, screen, and the terminal restored.
@Suite struct WizardTerminalTests {
  let arguments = ["wizard", "alpha", "--content", Binary.fixtureContent]

  /// The screen without its escape codes.
  func visible(_ screen: String) -> String {
    screen.replacing(/\u{1B}\[[0-9;?]*[A-Za-z]/, with: "")
  }

  @Test func arrowsAndEnterChooseAndTheOutcomeFollows() throws {
    let session = try PseudoTerminal.interact(
      arguments,
      keys: [
        // Down to No.
        (after: "Question 1: Do the connections negotiate heartbeat 0?", send: "\u{1B}[B"),
        (after: "> 2. No", send: "\r"),  // Enter
        (after: "Question 2: Is it local?", send: "1"),
      ])
    #expect(session.status == 0, "\(session.screen)")
    #expect(visible(session.screen).contains("Likely cause: Something else"))
    #expect(session.restored)
  }

  @Test func backReturnsToTheFirstQuestionAndWhyShowsTheReason() throws {
    let session = try PseudoTerminal.interact(
      arguments,
      keys: [
        (after: "Question 1:", send: "2"),
        (after: "Question 2: Is it local?", send: "b"),
        (after: "Question 1:", send: "?"),
        (after: "Why this matters: Without heartbeats", send: "3"),  // I don't know
        (after: "Question 2: Is it local?", send: "2"),
      ])
    #expect(session.status == 0, "\(session.screen)")
    let afterBack = session.screen.components(separatedBy: "\u{1}SENT\u{1}")
    #expect(afterBack.count == 6)
    #expect(afterBack[2].contains("Question 1:"))
    #expect(visible(session.screen).contains("Heartbeats are off"))
    #expect(session.restored)
  }

  @Test func ctrlCLeavesAndRestoresTheTerminal() throws {
    let session = try PseudoTerminal.interact(
      arguments, keys: [(after: "Question 1:", send: "\u{3}")])
    #expect(session.status == 130)
    #expect(session.screen.contains("left the wizard"))
    #expect(session.restored)
  }

  @Test func accessibleModeHasNoCursorMovement() throws {
    let session = try PseudoTerminal.interact(
      arguments + ["--accessible"],
      keys: [
        (after: "Answer with", send: "1\n")
      ])
    #expect(session.status == 0)
    #expect(
      session.screen.contains("Question 1: Do the connections negotiate heartbeat 0?\n  1. Yes"))
    #expect(!session.screen.contains("\u{1B}[H"))
    #expect(!session.screen.contains("\u{1B}[2J"))
  }
}
