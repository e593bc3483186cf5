import Foundation
import TestSupport
import Testing

/// The trees of `connection-closed-no-reason` and `connect-timeout`, walked through the real
/// wizard: under a pseudo-terminal with number keys, and scripted with `--answers` to every
/// cause; each outcome must show its cause and that cause's resolution steps.
@Suite struct WizardLongTailConnectionTests {
  static let none = Fixtures.folder.appendingPathComponent("cli-cookie-bundle").path

  static let typed: [WizardWalk.Typed] = [
    WizardWalk.Typed(
      guide: "connection-closed-no-reason", keys: ["1"],
      cause: "The broker refused the login or the virtual host and the client hid the reason",
      steps: [
        "Make the client show the reason it received",
        "Find the broker's entry for the same second and client address",
        "Fix the credentials, the virtual host or the permissions",
      ]),
    WizardWalk.Typed(
      guide: "connection-closed-no-reason", keys: ["5", "3"],
      cause: "The broker node stopped or was killed without closing its connections",
      steps: [
        "Check whether the node restarted or was killed at that time",
        "Reconnect with backoff and declare the topology again",
      ]),
    WizardWalk.Typed(
      guide: "connection-closed-no-reason", keys: ["4", "1"],
      cause: "A load balancer, proxy or port forwarder closed the connection",
      steps: [
        "Connect once around the proxy, then fix its backend or its timeouts",
        "Look on the client host for what closed the socket",
      ]),
    WizardWalk.Typed(
      guide: "connect-timeout", keys: ["1", "1", "2"],
      cause: "A firewall, security group or NetworkPolicy drops the connection request",
      steps: [
        "Time a bare TCP connect from where the client runs",
        "Follow the SYN with tcpdump to find where it disappears",
        "Allow the AMQP port from the client's network",
      ]),
    WizardWalk.Typed(
      guide: "connect-timeout", keys: ["1", "2", "2", "1"],
      cause: "The broker's accept queue is full during a connection storm",
      steps: [
        "Read the listener's accept queue and the kernel's overflow counters",
        "Spread reconnects over time and raise the listen backlog",
      ]),
    WizardWalk.Typed(
      guide: "connect-timeout", keys: ["2", "2"],
      cause: "The client's connect timeout is too short for the path",
      steps: [
        "Measure how long a successful connect takes on that path",
        "Set the connect timeout well above the measured time and retry with backoff",
      ]),
  ]

  @Test(arguments: typed)
  func aWalkTypedOnATerminalEndsOnTheCauseWithItsSteps(_ walk: WizardWalk.Typed) throws {
    try walk.expectOutcome()
  }

  /// Every cause of both trees, reached by scripted answers.
  @Test(arguments: [
    ("connection-closed-no-reason", "ccnr-broker-entry=refused", "refused-reason-hidden"),
    ("connection-closed-no-reason", "ccnr-broker-entry=other-reason", "broker-reason-hidden"),
    ("connection-closed-no-reason", "ccnr-broker-entry=handshake-timeout", "handshake-cut"),
    (
      "connection-closed-no-reason", "ccnr-broker-entry=client-closed,ccnr-client-host=app-ran-on",
      "proxy-closed"
    ),
    (
      "connection-closed-no-reason", "ccnr-broker-entry=client-closed,ccnr-client-host=app-ended",
      "client-side-close"
    ),
    (
      "connection-closed-no-reason", "ccnr-broker-entry=nothing,ccnr-what-answers=middlebox",
      "proxy-closed"
    ),
    (
      "connection-closed-no-reason", "ccnr-broker-entry=nothing,ccnr-what-answers=tls-port",
      "tls-one-side"
    ),
    (
      "connection-closed-no-reason", "ccnr-broker-entry=nothing,ccnr-what-answers=node-restarted",
      "node-died"
    ),
    (
      "connection-closed-no-reason", "ccnr-broker-entry=nothing,ccnr-what-answers=other-service",
      "not-a-broker"
    ),
    ("connect-timeout", "ct-bare-connect=answered", "answered-after-all"),
    (
      "connect-timeout", "ct-bare-connect=hangs,ct-from-elsewhere=works-nearby,ct-path=container",
      "port-not-published"
    ),
    (
      "connect-timeout", "ct-bare-connect=hangs,ct-from-elsewhere=works-nearby,ct-path=network",
      "syn-dropped"
    ),
    (
      "connect-timeout",
      "ct-bare-connect=hangs,ct-from-elsewhere=hangs-everywhere,ct-host-state=no-host",
      "nobody-there"
    ),
    (
      "connect-timeout",
      "ct-bare-connect=hangs,ct-from-elsewhere=hangs-everywhere,ct-host-state=host-up,ct-accept-queue=full",
      "backlog-full"
    ),
    (
      "connect-timeout",
      "ct-bare-connect=hangs,ct-from-elsewhere=hangs-everywhere,ct-host-state=host-up,ct-accept-queue=not-full",
      "syn-dropped"
    ),
    ("connect-timeout", "ct-bare-connect=works,ct-client-differs=other-address", "nobody-there"),
    (
      "connect-timeout", "ct-bare-connect=works,ct-client-differs=short-timeout",
      "timeout-too-short"
    ),
    ("connect-timeout", "ct-bare-connect=works,ct-client-differs=at-storms", "backlog-full"),
  ])
  func theTreeFollowsTheAnswers(_ guide: String, _ answers: String, _ cause: String) throws {
    let walked = try WizardWalk.walk(guide, evidence: Self.none, answers: answers)
    #expect(walked.causes == [cause], "\(walked.trail)")
  }

  /// A pasted real line starts the wizard on its guide: the captured pika and Go lines.
  @Test(arguments: [
    (
      "pika.exceptions.IncompatibleProtocolError: StreamLostError: ('Transport indicated EOF',)",
      "connection-closed-no-reason"
    ),
    ("dial tcp 127.0.0.1:5713: i/o timeout", "connect-timeout"),
  ])
  func aPastedLineOpensItsGuide(_ line: String, _ guide: String) throws {
    let run = try Binary.run(["search", "--json", "--content", Binary.shippedContent, line])
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let top = (object["results"] as? [[String: Any]])?.first?["id"] as? String
    #expect(top == guide && object["confident"] as? Bool == true, "\(run.stdout)")
  }
}
