import ErrorSearch
import Foundation
import GuideKit
import MCP

/// The Model Context Protocol server of `rmq-doctor mcp`: the guides, the search, the
/// troubleshooter and the diagnostics as tools and resources for an AI assistant.
///
/// Every tool calls the same library code as the matching CLI command and returns the same
/// object as its `--json` output. Errors become tool results marked `isError` with one
/// sentence; the server never prints anything but protocol messages on standard output.
public struct DoctorServer: Sendable {
  /// How the server behaves.
  public struct Configuration: Sendable {
    /// Whether the `run_diagnostics` tool is offered; off unless the user asked for it.
    public var allowLiveDiagnostics: Bool
    /// The largest tool result, in bytes of JSON; longer ones are cut with a note.
    public var resultLimit: Int
    /// The version the server reports.
    public var version: String

    /// A configuration; live diagnostics stay off unless `allowLiveDiagnostics` is set.
    public init(allowLiveDiagnostics: Bool = false, resultLimit: Int = 512 << 10, version: String) {
      self.allowLiveDiagnostics = allowLiveDiagnostics
      self.resultLimit = resultLimit
      self.version = version
    }
  }

  let toolbox: Toolbox

  /// A server over the loaded content and its search index.
  public init(library: ContentLibrary, index: SearchIndex, configuration: Configuration) {
    toolbox = Toolbox(library: library, index: index, configuration: configuration)
  }

  /// Serves MCP over standard input and output until the client closes its end.
  ///
  /// Standard output is taken for the protocol first: the stream is moved to a private
  /// descriptor and descriptor 1 now points at standard error, so that no stray write of any
  /// library can corrupt the messages.
  public func serveStdio() async throws {
    let output = try ProtocolOutput.claimStandardOutput()
    let server = Server(
      name: "rmq-doctor", version: toolbox.configuration.version,
      instructions: Self.instructions,
      capabilities: .init(
        resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
    await register(on: server)
    let transport = LineTransport(input: STDIN_FILENO, output: output)
    try await server.start(transport: transport)
    ServerLog.note(
      "serving \(toolbox.tools.count) tools and \(toolbox.library.guides.count) guides over stdio")
    await server.waitUntilCompleted()
  }

  static let instructions = """
    rmq-doctor explains RabbitMQ errors (connections, channels, alarms, nodes and clusters, TLS, \
    plugins, links, the management API) from checked guides. Paste an error into \
    search_error first; read a guide with get_guide; walk its decision tree with troubleshoot, \
    one answer at a time; read captured command outputs with diagnose_evidence and whole logs \
    with scan_logs.
    """

  /// Registers the tool and resource handlers.
  private func register(on server: Server) async {
    let toolbox = toolbox
    await server.withMethodHandler(ListTools.self) { _ in
      ListTools.Result(tools: toolbox.tools.map(\.definition))
    }
    await server.withMethodHandler(CallTool.self) { params in
      toolbox.call(params.name, arguments: params.arguments ?? [:])
    }
    await server.withMethodHandler(ListResources.self) { _ in
      ListResources.Result(resources: GuideResources.list(toolbox.library), nextCursor: nil)
    }
    await server.withMethodHandler(ReadResource.self) { params in
      try GuideResources.read(params.uri, toolbox: toolbox)
    }
  }
}
