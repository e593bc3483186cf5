import ErrorSearch
import Foundation
import TestSupport
import Testing

/// The broker-internals family's real captures (RabbitMQ 3.10.8, made by
/// `Tests/Fixtures/lab/capture-{crash-reports,internal-error,plugin-failures,links,dns,management-api}.sh`):
/// the first line of each capture that holds a marker names the right guide with confidence.
@Suite struct InternalsCaptureTests {
  static let cases: [NodeCaptureTests.Case] = [
    .init(file: "crash-queue-kill.txt", marker: "Restarting crashed queue", guide: "crash-report"),
    .init(file: "crash-disk-full.txt", marker: "** Generic server", guide: "crash-report"),
    .init(file: "crash-memory-dump.txt", marker: "Cannot allocate", guide: "crash-report"),
    .init(
      file: "internal-error-channel-killed.txt", marker: "Non-AMQP exit reason",
      guide: "internal-error"),
    .init(file: "internal-error-channel-killed.txt", marker: "(541", guide: "internal-error"),
    .init(
      file: "internal-error-quorum-timeout.txt", marker: "Cannot get a message from queue",
      guide: "internal-error"),
    .init(file: "plugin-cli-errors.txt", marker: "plugins_not_found", guide: "plugin-failure"),
    .init(file: "plugin-cli-errors.txt", marker: "(EACCES)", guide: "plugin-failure"),
    .init(
      file: "plugin-mqtt-stomp-clients.txt", marker: "MQTT login failed", guide: "plugin-failure"),
    .init(
      file: "link-shovel-closed-port.txt", marker: "could not connect to",
      guide: "federation-shovel-link"),
    .init(
      file: "link-federation-closed-port.txt", marker: "did not connect to",
      guide: "federation-shovel-link"),
    .init(file: "dns-client.txt", marker: "Name or service not known", guide: "dns-resolution"),
    .init(
      file: "dns-client.txt", marker: "Temporary failure in name resolution",
      guide: "dns-resolution"),
    .init(
      file: "management-bad-credentials.txt", marker: "HTTP access denied",
      guide: "management-api-error"),
    .init(
      file: "management-no-management-tag.txt", marker: "Not management user",
      guide: "management-api-error"),
    .init(
      file: "management-vhost-not-encoded.txt", marker: "Object Not Found",
      guide: "management-api-error"),
  ]

  @Test(arguments: cases)
  func theCapturedLineNamesItsGuide(_ entry: NodeCaptureTests.Case) throws {
    try entry.expectNamed()
  }
}
