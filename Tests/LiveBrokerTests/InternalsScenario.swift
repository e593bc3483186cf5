import Testing

/// What is left after the connection, channel, alarm and node families, made on the live
/// cluster: processes killed inside the broker, a plugin that does not exist, links that cannot
/// connect (rabbit2 runs the shovel and federation plugins), a host name that does not resolve,
/// and the management API (rabbit2, 127.0.0.1:15673) refusing requests.
enum InternalsScenario: String, CaseIterable, Sendable, CustomStringConvertible,
  CustomTestStringConvertible
{
  case queueKilled = "a classic queue's process killed"
  case channelKilled = "a consuming channel's process killed"
  case unknownPlugin = "rabbitmq-plugins enable of a plugin that does not exist"
  case shovelClosedPort = "a shovel whose destination port is closed"
  case federationClosedPort = "a federation upstream whose port is closed"
  case unresolvableHost = "a client given a host name that does not resolve"
  case managementBadPassword = "the management API with a wrong password"
  case managementNoTag = "the management API as a user without the management tag"
  case managementVhostNotEncoded = "the management API with the vhost / not encoded"

  var testDescription: String { rawValue }
  var description: String { rawValue }

  var guide: String {
    switch self {
    case .queueKilled: "crash-report"
    case .channelKilled: "internal-error"
    case .unknownPlugin: "plugin-failure"
    case .shovelClosedPort, .federationClosedPort: "federation-shovel-link"
    case .unresolvableHost: "dns-resolution"
    case .managementBadPassword, .managementNoTag, .managementVhostNotEncoded:
      "management-api-error"
    }
  }

  /// Whether a node logs a line the scan must count under the guide.
  var nodeLogs: Bool {
    switch self {
    case .unknownPlugin, .unresolvableHost, .managementVhostNotEncoded: false
    default: true
    }
  }
}
