/// What the view of a scan groups by: `scan --by` and the MCP server's `scan_logs`.
public enum ScanGrouping: String, Sendable, CaseIterable {
  case guide, peer, subnet, user, vhost, hour
}
