import ArgumentParser
import CommandLineSupport
import Foundation
import MCPServer

/// `rmq-doctor-mcp`: the Model Context Protocol server, a program of its own that
/// `rmq-doctor mcp` replaces itself with.
///
/// The MCP library links Foundation's networking, and with it libcurl and some thirty shared
/// libraries that the dynamic loader maps on every start; kept out of `rmq-doctor`, they no
/// longer cost each `rmq-doctor search` about 9 ms (see Benchmarks/README.md).
@main
struct MCPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rmq-doctor-mcp",
    abstract: "The MCP server of rmq-doctor over stdio; start it as 'rmq-doctor mcp'.",
    version: ToolVersion.current)

  @OptionGroup var options: ContentOptions

  @OptionGroup var serving: MCPOptions

  func run() throws {
    let library = try options.load()
    let server = DoctorServer(
      library: library, index: try options.searchIndex(library: library),
      configuration: .init(
        allowLiveDiagnostics: serving.allowLiveDiagnostics, resultLimit: serving.maxResultBytes,
        version: ToolVersion.current))
    let ended = ServerEnd()
    Task {
      do { try await server.serveStdio() } catch { ended.failure = "\(error)" }
      ended.semaphore.signal()
    }
    ended.semaphore.wait()
    if let failure = ended.failure { throw CLIError("mcp: \(failure)") }
  }

  /// Usage errors print one line and exit with 2, runtime errors one line and exit with 1, as
  /// `rmq-doctor` does.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(
          Data("Error: \(message(for: error)) (see 'rmq-doctor help mcp')\n".utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}

/// How the server task ended, handed back to the blocked command.
private final class ServerEnd: @unchecked Sendable {
  let semaphore = DispatchSemaphore(value: 0)
  var failure: String?
}
