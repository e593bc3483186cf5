/// The version both programs report: `rmq-doctor --version` and the MCP server's
/// `serverInfo`.
package enum ToolVersion {
  /// The release this build is.
  package static let current = "0.1.0"
}
