import ArgumentParser

/// The MCP server's options: `rmq-doctor mcp` checks them and hands them to `rmq-doctor-mcp`,
/// which serves with them.
package struct MCPOptions: ParsableArguments {
  package init() {}

  @Flag(help: "Offer the run_diagnostics tool, which runs the read-only diagnostics on this host.")
  package var allowLiveDiagnostics = false

  @Option(
    help: ArgumentHelp(
      "The largest tool result in bytes; longer ones are cut with a note.", valueName: "bytes"))
  package var maxResultBytes = 512 << 10

  package func validate() throws {
    guard maxResultBytes >= 1024 else {
      throw ValidationError("--max-result-bytes must be at least 1024")
    }
  }

  /// These options as arguments of `rmq-doctor-mcp`.
  package var arguments: [String] {
    ["--max-result-bytes", String(maxResultBytes)]
      + (allowLiveDiagnostics ? ["--allow-live-diagnostics"] : [])
  }
}
