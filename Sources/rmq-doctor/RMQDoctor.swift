import ArgumentParser
import Foundation

/// The `rmq-doctor` command: a knowledge base of RabbitMQ connection errors.
@main
struct RMQDoctor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rmq-doctor",
    abstract: "Explain and troubleshoot RabbitMQ connection errors.",
    version: "0.1.0",
    subcommands: [List.self, Show.self, Search.self, Scan.self, Wizard.self, Diagnose.self, Lint.self, Export.self]
  )

  /// Runs the command. Usage errors print one line and exit with 2, as grep and diff do;
  /// runtime errors print one line and exit with 1.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        let message = self.message(for: error)
        FileHandle.standardError.write(
          Data("Error: \(message) (see 'rmq-doctor help')\n".utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
