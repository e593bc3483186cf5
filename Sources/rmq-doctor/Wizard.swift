import ArgumentParser
import CommandLineSupport
import CommonMark
import Diagnostics
import DoctorMode
import ErrorSearch
import Foundation
import GuideKit
import LogScan
import TroubleshootingEngine

extension RMQDoctor {
  /// `rmq-doctor wizard`: the guided troubleshooter.
  struct Wizard: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "wizard",
      abstract: "Find the cause of an error step by step, the questions an expert would ask.",
      discussion: """
        Without ID it asks for the error you see and finds its guide. On a terminal, choose with \
        the arrow keys or numbers, Enter to confirm, b to go back, ? for why a question matters, \
        q or Ctrl-C to leave. Every question also offers "I don't know". Without a terminal, or \
        with --accessible, the questions are numbered lines on standard error, read line by line. \
        --answers runs it without asking: question=answer pairs, as 'rmq-doctor show ID --format \
        json' lists them; a question left out takes the answer the --evidence facts suggest.
        """)

    @OptionGroup var options: ContentOptions

    @Argument(help: "The guide to walk; without it the wizard asks for the error.")
    var id: String?

    @Option(
      name: .customLong("error"),
      help: ArgumentHelp("Start from this pasted error text.", valueName: "text"))
    var errorText: String?

    @Option(
      help: ArgumentHelp(
        "Answers, as question=answer pairs separated by commas.", valueName: "q=a,..."))
    var answers: String?

    @Option(
      help: ArgumentHelp(
        "A file of answers: question=answer per line or comma-separated.", valueName: "file"))
    var answersFile: String?

    @Option(
      help: ArgumentHelp("Captured command outputs whose facts suggest answers.", valueName: "dir"))
    var evidence: String?

    @Flag(
      name: .customLong("run-diagnostics"),
      help: "Run the guide's read-only diagnostics on this host first; their facts suggest answers."
    )
    var runDiagnostics = false

    @Flag(help: "With --run-diagnostics, run them (or send the requests) without asking first.")
    var yes = false

    @OptionGroup(
      title:
        "Management API (with --run-diagnostics: read these nodes' APIs instead of running commands here)"
    )
    var management: ManagementOptions

    @Flag(help: "Print the outcome and the trail as one JSON object.")
    var json = false

    @Option(
      help: ArgumentHelp("Also write an incident note in Markdown to this file.", valueName: "file")
    )
    var report: String?

    @Flag(help: "Plain numbered prompts with no cursor movement, for screen readers.")
    var accessible = false

    func validate() throws {
      if answers != nil && answersFile != nil {
        throw ValidationError("give --answers or --answers-file, not both")
      }
      if let evidence, !FileManager.default.fileExists(atPath: evidence) {
        throw ValidationError("\(evidence): no such evidence folder")
      }
      if runDiagnostics && evidence != nil {
        throw ValidationError("give --run-diagnostics or --evidence, not both")
      }
      if management.isGiven && !runDiagnostics {
        throw ValidationError("--url goes with --run-diagnostics")
      }
    }

    func run() throws {
      let library = try options.load()
      let scripted = try AnswerList.parse(answers: answers, file: answersFile)
      var facts =
        try evidence.map {
          try Self.facts(
            from: $0, library: library, classifier: try options.logClassifier(library: library))
        } ?? []
      let onTerminal = StandardInput.isTerminal && Terminal.outputIsTerminal
      var prompter: Prompter =
        onTerminal && !accessible && !json
        ? TerminalMenu(colour: Terminal.style == .ansi) : LinePrompter()
      defer { prompter.finish() }
      let (guide, pastedError) = try GuideChoice.resolve(
        id: id, error: errorText, library: library, contentDirectory: try options.directory(),
        prompter: scripted == nil ? prompter : nil)

      if let scripted {
        do { try ScriptedAnswers(scripted).check(against: guide) } catch {
          throw ValidationError(error.description)
        }
      }
      if runDiagnostics {
        facts +=
          management.isGiven
          ? try managementFacts(library: library) : try liveFacts(for: guide, library: library)
      }
      var session = try Self.session(guide, library, facts)
      if let scripted {
        do { try session.apply(ScriptedAnswers(scripted)) } catch {
          throw ValidationError(error.description)
        }
        if let pending = session.pending {
          let choices = (pending.question.answers.map(\.id) + [Answer.unknownID]).joined(
            separator: ", ")
          throw ValidationError(
            "no answer for question '\(pending.question.id)' (\(pending.question.text)); add \(pending.question.id)=one of \(choices)"
          )
        }
      }
      while let pending = session.pending {
        switch prompter.ask(pending, canGoBack: !session.trail.isEmpty) {
        case .answer(let answer) where answer == pending.suggestion?.answer:
          // Taking the suggested answer keeps its evidence in the trail.
          try session.acceptSuggestion()
        case .answer(let answer): try session.answer(answer)
        case .back: try session.back()
        case .quit:
          prompter.finish()
          FileHandle.standardError.write(
            Data("rmq-doctor: left the wizard; nothing was written\n".utf8))
          throw ExitCode(130)
        }
      }
      prompter.finish()
      guard let outcome = session.outcome else { return }
      // What the pasted error names (a queue, an exchange, a declaration mismatch) is shown
      // beside the outcome, with the object's listing when the facts hold it.
      let named = pastedError.flatMap(NamedResource.first(in:))
      let namedSection = named.map { NamedResourcePresentation.markdown($0, facts: facts) } ?? ""
      if let report {
        try ReportFile.write(
          OutcomePresentation.report(outcome, error: pastedError, named: namedSection), to: report)
      }
      if json {
        print(try JSONOutput.encode(OutcomeReport(outcome, named: named)))
      } else {
        if onTerminal && !accessible { print("\u{1B}[H\u{1B}[2J", terminator: "") }
        let renderer = TerminalRenderer(width: Terminal.width, style: Terminal.style)
        print(
          renderer.render(
            MarkdownDocument(parsing: OutcomePresentation.markdown(outcome, named: namedSection))
              .blocks),
          terminator: "")
      }
    }

    static func session(_ guide: Guide, _ library: ContentLibrary, _ facts: [Fact]) throws
      -> TroubleshootingSession
    {
      do { return try TroubleshootingSession(guide: guide, library: library, facts: facts) } catch {
        throw CLIError("\(guide.path): \(error.description); run 'rmq-doctor lint'")
      }
    }

    /// Runs the diagnostics the guide and its questions name, after showing them (and asking,
    /// unless --yes); their facts.
    func liveFacts(for guide: Guide, library: ContentLibrary) throws -> [Fact] {
      let questionIDs = guide.frontMatter.tree.nodes.map(\.question)
      var wanted = Set(guide.frontMatter.diagnostics ?? [])
      for id in questionIDs { wanted.formUnion(library.question(id, in: guide)?.diagnostics ?? []) }
      var plan = DiagnosticPlan(library: library)
      plan.runnable = plan.runnable.filter { wanted.contains($0.id) }
      plan.skipped = plan.skipped.filter { wanted.contains($0.diagnostic) }
      FileHandle.standardError.write(Data(plan.preview.utf8))
      guard !plan.runnable.isEmpty else { return [] }
      if !yes {
        guard StandardInput.isTerminal else {
          throw ValidationError(
            "standard input is not a terminal; add --yes to run the diagnostics")
        }
        guard Confirmation.ask("Run these \(plan.runnable.count) read-only commands?") else {
          return []
        }
      }
      let report = DiagnoseReport.live(
        plan, library: library, classifier: try options.logClassifier(library: library))
      for reading in report.readings where reading.problem != nil {
        FileHandle.standardError.write(
          Data("  \(reading.diagnostic): \(reading.problem ?? "")\n".utf8))
      }
      return report.readings.flatMap(\.facts)
    }

    /// Reads the management APIs given with --url, after showing the requests (and asking,
    /// unless --yes); their facts.
    func managementFacts(library: ContentLibrary) throws -> [Fact] {
      guard
        let survey = try management.survey(library: library, yes: yes, previewToStandardError: true)
      else {
        return []
      }
      let report = DiagnoseReport.fromManagement(
        survey, library: library, classifier: try options.logClassifier(library: library))
      for reading in report.readings where reading.problem != nil {
        FileHandle.standardError.write(
          Data("  \(reading.diagnostic), \(reading.source): \(reading.problem ?? "")\n".utf8))
      }
      return report.readings.flatMap(\.facts)
    }

    /// The facts of every diagnostic's captured output in `directory`.
    static func facts(
      from directory: String, library: ContentLibrary, classifier: LogClassifier
    ) throws -> [Fact] {
      let bundle: EvidenceBundle
      do { bundle = try EvidenceBundle(directory: directory) } catch { throw CLIError("\(error)") }
      return library.diagnostics.flatMap {
        bundle.readings(for: $0.value, classifier: classifier).flatMap(\.facts)
      }
    }
  }
}
