/// The version both programs report: `rmq-doctor --version` and the MCP server's
/// `serverInfo`.
package enum ToolVersion {
  /// The release this build is.
  package static var current: String { "0.1.0" }
}
