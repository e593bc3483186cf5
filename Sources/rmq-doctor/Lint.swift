import ArgumentParser
import CommandLineSupport
import GuideKit

extension RMQDoctor {
  /// `rmq-doctor lint`: check the content.
  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lint",
      abstract: "Check guides, questions and diagnostics against the content schema.",
      discussion: """
        Prints one line per problem as path:line:column: severity: message, then a summary. \
        Exits with 1 when there is an error.
        """)

    @OptionGroup var options: ContentOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
      let loaded = try options.loadAll()
      let findings = Linter(strict: strict).lint(loaded)
      for finding in findings { print(finding) }
      let errors = findings.filter { $0.severity == .error }.count
      let warnings = findings.count - errors
      let library = loaded.library
      print(
        "lint: \(library.guides.count) guides, \(library.sharedQuestions.count) shared questions, "
          + "\(library.diagnostics.count) diagnostics: \(errors) errors, \(warnings) warnings")
      if errors > 0 { throw ExitCode(1) }
    }
  }
}
