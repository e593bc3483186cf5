import Foundation
import GuideKit
import Testing

@testable import Diagnostics

/// `rabbitmq-diagnostics` environment, listeners and status.
@Suite struct PlainTextTests {
  @Test func environmentHeartbeatHandshakeAndListenerOptions() throws {
    let reading = try BrokerFixtures.reading(
      "rabbitmq-environment", "rabbitmq-diagnostics-q-environment.txt")
    #expect(reading.value("server-heartbeat") == 60)
    #expect(reading.value("handshake-timeout-ms") == 5000)
    // tcp_listen_options is [{backlog,128},{nodelay,true},{linger,{true,0}},{exit_on_close,false}].
    #expect(reading.value("listener-keepalive") == 0)
    #expect(reading.fact("server-heartbeat")?.evidence == ["{heartbeat,60},"])
  }

  @Test func onlyTheRabbitApplicationIsRead() throws {
    let output = """
      [{rabbitmq_stomp,[{heartbeat,10},{handshake_timeout,1}]},
       {rabbit,[{frame_max,131072},
                {tcp_listen_options,[{backlog,128},
                                     {keepalive,true}]},
                {heartbeat,30}]}]
      """
    let reading = try BrokerFixtures.reading("rabbitmq-environment", output: output)
    #expect(reading.summary == "server-heartbeat = 30.0, listener-keepalive = 1.0")
  }

  @Test func listenersOnLoopback() throws {
    let reading = try BrokerFixtures.reading(
      "rabbitmq-listeners", "rabbitmq-diagnostics-q-listeners.txt")
    #expect(reading.value("amqp-listener-count") == 1)
    #expect(reading.value("amqp-tls-listener-count") == 0)
    #expect(reading.value("loopback-only-amqp-listeners") == 1)
  }

  @Test func listenersOnEveryInterface() throws {
    let output = """
      Interface: [::], port: 25672, protocol: clustering, purpose: inter-node and CLI tool communication
      Interface: [::], port: 5672, protocol: amqp, purpose: AMQP 0-9-1 and AMQP 1.0
      Interface: 127.0.0.1, port: 5671, protocol: amqp/ssl, purpose: AMQP 0-9-1 and AMQP 1.0 over TLS
      """
    let reading = try BrokerFixtures.reading("rabbitmq-listeners", output: output)
    #expect(
      reading.summary
        == "amqp-listener-count = 1.0, amqp-tls-listener-count = 1.0, loopback-only-amqp-listeners = 0.0"
    )
    #expect(
      reading.fact("loopback-only-amqp-listeners")?.evidence == [
        "Interface: [::], port: 5672, protocol: amqp, purpose: AMQP 0-9-1 and AMQP 1.0"
      ])
  }

  @Test func statusWithItsANSIEscapesRemoved() throws {
    let reading = try BrokerFixtures.reading("rabbitmq-status", "rabbitmq-diagnostics-status.txt")
    #expect(reading.value("node-uptime-seconds") == 23)
    #expect(reading.value("node-under-maintenance") == 0)
    #expect(reading.value("active-alarm-count") == 0)
    #expect(reading.fact("active-alarm-count")?.evidence == ["Alarms", "(none)"])
  }

  @Test func statusWithAlarmsAndMaintenance() throws {
    let output =
      "\u{1B}[1mRuntime\u{1B}[0m\n\nUptime (seconds): 86400\nIs under maintenance?: true\n\n"
      + "\u{1B}[1mAlarms\u{1B}[0m\n\nFree disk space alarm on node rabbit@host\n"
      + "Memory alarm on node rabbit@host\n\n\u{1B}[1mMemory\u{1B}[0m\n\nTotal memory used: 1 gb\n"
    let reading = try BrokerFixtures.reading("rabbitmq-status", output: output)
    #expect(
      reading.summary
        == "node-uptime-seconds = 86400.0, node-under-maintenance = 1.0, active-alarm-count = 2.0, "
        + "memory-alarms = 1.0, disk-alarms = 1.0, file-descriptor-alarms = 0.0")
  }

  @Test func brokerDownPingIsAProblem() throws {
    let reading = try BrokerFixtures.reading(
      "rabbitmq-listeners", "rabbitmq-diagnostics-q-ping-broker-down.txt")
    #expect(
      reading.problem
        == "cannot reach the node: Failed to connect and authenticate to rabbit@localhost in 60000 ms"
    )
  }

  @Test func somethingElseEntirelyIsUnrecognised() throws {
    let reading = try BrokerFixtures.reading("rabbitmq-status", "rabbitmq-diagnostics-q-ping.txt")
    #expect(reading.problem == "unrecognised output: Ping succeeded")
  }
}
