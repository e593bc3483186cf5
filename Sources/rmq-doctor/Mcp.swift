import ArgumentParser
import CommandLineSupport
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension RMQDoctor {
  /// `rmq-doctor mcp`: the Model Context Protocol server over stdio, which runs as the program
  /// `rmq-doctor-mcp` beside this one (see `Sources/rmq-doctor-mcp`): this command checks the
  /// options, finds the content, and replaces itself with that program, so the assistant talks
  /// to it directly on the same standard input and output.
  struct Mcp: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mcp",
      abstract:
        "Serve the guides, the search and the diagnostics to an AI assistant over MCP (stdio).",
      discussion: """
        Speaks the Model Context Protocol on standard input and output, for an MCP-capable \
        assistant that starts it as a subprocess; logs go to standard error. Tools: \
        search_error, get_guide, list_guides, troubleshoot, diagnose_evidence, scan_logs; \
        resources: guide://ID and rmq-doctor://errors. Nothing runs on this host unless \
        --allow-live-diagnostics is given, and then only after the assistant was shown the \
        commands and called again with confirm. The server is the program rmq-doctor-mcp, \
        installed beside rmq-doctor.
        """)

    @OptionGroup var options: ContentOptions

    @OptionGroup var serving: MCPOptions

    func run() throws {
      let program = try Self.serverPath()
      let arguments = [program, "--content", try options.directory()] + serving.arguments
      let argv = arguments.map { strdup($0) } + [nil]
      execv(program, argv)
      let reason = String(cString: strerror(errno))
      throw CLIError("mcp: cannot start \(program): \(reason)")
    }

    /// `rmq-doctor-mcp` in this binary's folder (after resolving links), where a build and an
    /// install put it.
    static func serverPath() throws -> String {
      guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else {
        throw CLIError("mcp: cannot tell where this binary is, to find rmq-doctor-mcp beside it")
      }
      let server = executable.deletingLastPathComponent().appendingPathComponent("rmq-doctor-mcp")
        .path
      guard FileManager.default.isExecutableFile(atPath: server) else {
        throw CLIError(
          "mcp: the MCP server \(server) is missing; build it with 'swift build' and install it beside rmq-doctor"
        )
      }
      return server
    }
  }
}
