import ArgumentParser
import Foundation
import MCPServer

extension RMQDoctor {
  /// `rmq-doctor mcp`: the Model Context Protocol server over stdio.
  struct Mcp: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Serve the guides, the search and the diagnostics to an AI assistant over MCP (stdio).",
      discussion: """
        Speaks the Model Context Protocol on standard input and output, for an MCP-capable \
        assistant that starts it as a subprocess; logs go to standard error. Tools: \
        search_error, get_guide, list_guides, troubleshoot, diagnose_evidence, scan_logs; \
        resources: guide://ID and rmq-doctor://errors. Nothing runs on this host unless \
        --allow-live-diagnostics is given, and then only after the assistant was shown the \
        commands and called again with confirm.
        """)

    @OptionGroup var options: ContentOptions

    @Flag(help: "Offer the run_diagnostics tool, which runs the read-only diagnostics on this host.")
    var allowLiveDiagnostics = false

    @Option(help: ArgumentHelp("The largest tool result in bytes; longer ones are cut with a note.", valueName: "bytes"))
    var maxResultBytes = 512 << 10

    func validate() throws {
      guard maxResultBytes >= 1024 else { throw ValidationError("--max-result-bytes must be at least 1024") }
    }

    func run() throws {
      let library = try options.load()
      let server = DoctorServer(
        library: library, index: try options.searchIndex(library: library),
        configuration: .init(
          allowLiveDiagnostics: allowLiveDiagnostics, resultLimit: maxResultBytes,
          version: RMQDoctor.configuration.version))
      let ended = ServerEnd()
      Task {
        do { try await server.serveStdio() } catch { ended.failure = "\(error)" }
        ended.semaphore.signal()
      }
      ended.semaphore.wait()
      if let failure = ended.failure { throw CLIError("mcp: \(failure)") }
    }
  }
}

/// How the server task ended, handed back to the blocked command.
private final class ServerEnd: @unchecked Sendable {
  let semaphore = DispatchSemaphore(value: 0)
  var failure: String?
}
