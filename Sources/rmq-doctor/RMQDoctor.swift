import ArgumentParser
import CommandLineSupport
import Foundation

/// The `rmq-doctor` command: a knowledge base of RabbitMQ errors and a troubleshooter.
@main
struct RMQDoctor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rmq-doctor",
    abstract: "Explain and troubleshoot RabbitMQ errors.",
    version: ToolVersion.current,
    subcommands: [
      List.self, Show.self, Search.self, Scan.self, Wizard.self, Diagnose.self, Collect.self,
      Lint.self, Export.self, Mcp.self,
    ]
  )

  /// Runs the command. Usage errors print one line and exit with 2, as grep and diff do;
  /// runtime errors print one line and exit with 1.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let unreadable as UnreadableAPI {
      FileHandle.standardError.write(Data("Error: \(unreadable.description)\n".utf8))
      Foundation.exit(3)
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(
          Data("Error: \(oneLineMessage(for: error)) (see 'rmq-doctor help')\n".utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }

  /// ArgumentParser's message on one line: a list of allowed values becomes `a, b, c`.
  static func oneLineMessage(for error: Error) -> String {
    let lines = message(for: error).split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let first = lines.first else { return "" }
    let items = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
    return items.isEmpty ? first : first + " " + items.joined(separator: ", ")
  }
}
