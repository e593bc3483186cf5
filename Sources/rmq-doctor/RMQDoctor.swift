import ArgumentParser

/// The `rmq-doctor` command: a knowledge base of RabbitMQ connection errors.
@main
struct RMQDoctor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rmq-doctor",
    abstract: "Explain and troubleshoot RabbitMQ connection errors.",
    version: "0.1.0",
    subcommands: [List.self, Show.self, Lint.self]
  )
}
