import Foundation
import GuideKit
import Testing

@testable import Diagnostics

/// `ss -tno` and `ss -ltnp` outputs, with the quirks of real ss.
@Suite struct SSSocketsTests {
  static let timers = "ss-amqp-timers"
  static let listening = "ss-listening-amqp"

  @Test func halfOpenPeerShowsARetransmittingSocket() throws {
    let reading = try BrokerFixtures.reading(Self.timers, "ss-tno-i1-halfopen-t10s.txt")
    #expect(reading.value("retransmitting-sockets") == 1)
    #expect(reading.value("keepalive-sockets") == 0)
    #expect(reading.value("max-send-queue-bytes") == 10536)
    let evidence = try #require(reading.fact("retransmitting-sockets")).evidence
    #expect(evidence.last?.hasSuffix("timer:(on,2.836ms,5)") == true)
  }

  @Test func timerValuesAreReadTheWaySSWritesThem() throws {
    let line = "ESTAB 0      10536      127.0.0.1:5672     127.0.0.1:40202 timer:(on,2.836ms,5)"
    let timer = try #require(SSSocket(line: line)?.timer)
    #expect(timer.name == "on")
    #expect(timer.expiresInSeconds == 2.836)
    #expect(timer.count == 5)
    #expect(SSTimer.seconds("404ms") == 0.404)
    #expect(SSTimer.seconds("12sec") == 12)
    #expect(SSTimer.seconds("5.030ms") == 5.03)
    #expect(SSTimer.seconds("1min5sec") == 65)
    #expect(SSTimer.seconds("119min") == 7140)
    #expect(SSTimer.seconds("") == nil)
  }

  @Test func aDueTimerHasAnEmptyValue() throws {
    let reading = try BrokerFixtures.reading(Self.timers, "ss-tno-i1-halfopen-t03s.txt")
    #expect(reading.value("retransmitting-sockets") == 1)
    let timer = try #require(SSTimer(in: "timer:(on,,3)"))
    #expect(timer.expiresInSeconds == nil)
    #expect(timer.count == 3)
  }

  @Test func withAStateFilterThereIsNoStateColumn() throws {
    let reading = try BrokerFixtures.reading(Self.timers, "ss-tno-i1-halfopen-t20s.txt")
    #expect(reading.value("retransmitting-sockets") == 1)
    #expect(reading.value("max-send-queue-bytes") == 10536)
    let socket = try #require(
      SSSocket(line: "0      10536      127.0.0.1:5672    127.0.0.1:40202 timer:(on,7.352ms,6)"))
    #expect(socket.state == nil)
    #expect(socket.timer?.expiresInSeconds == 7.352)
    let established = try BrokerFixtures.reading(Self.timers, "ss-tno.txt")
    #expect(
      established.summary
        == "retransmitting-sockets = 0.0, keepalive-sockets = 0.0, max-send-queue-bytes = 0.0")
  }

  @Test func stalledConsumerShowsTheBigSendQueue() throws {
    let reading = try BrokerFixtures.reading(Self.timers, "ss-tno-b2-stalled-consumer.txt")
    #expect(reading.value("max-send-queue-bytes") == 3_805_184)
    // A persist timer probes a zero window; it is not a retransmission.
    #expect(reading.value("retransmitting-sockets") == 0)
    let socket = try #require(
      SSSocket(
        line: "ESTAB 0      3805184     127.0.0.1:5672     127.0.0.1:41848 timer:(persist,404ms,0)")
    )
    #expect(socket.timer?.name == "persist")
    #expect(socket.timer?.expiresInSeconds == 0.404)
  }

  @Test func bothSidesRetransmitAndAClosingSocketKeepsItsState() throws {
    let both = try BrokerFixtures.reading(Self.timers, "ss-tno-i2-halfopen-t03s.txt")
    #expect(both.value("retransmitting-sockets") == 2)
    let gaveUp = try BrokerFixtures.reading(Self.timers, "ss-tno-i2-after-client-gave-up.txt")
    #expect(gaveUp.value("retransmitting-sockets") == 1)
    #expect(gaveUp.value("max-send-queue-bytes") == 57)
  }

  @Test func detailLinesOfDashIAreSkipped() throws {
    let reading = try BrokerFixtures.reading(Self.timers, "ss-tnoi-i1-halfopen-t20s.txt")
    #expect(
      reading.summary
        == "retransmitting-sockets = 1.0, keepalive-sockets = 0.0, max-send-queue-bytes = 10536.0")
  }

  @Test func onlyAHeaderMeansNoSockets() throws {
    let reading = try BrokerFixtures.reading(Self.timers, "ss-tno-e-after-broker-closed.txt")
    #expect(reading.problem == nil)
    #expect(reading.value("retransmitting-sockets") == 0)
    #expect(reading.fact("max-send-queue-bytes") == nil)
  }

  @Test func keepaliveTimersAreCounted() throws {
    let output = """
      Recv-Q Send-Q Local Address:Port Peer Address:Port Process
      0      0      10.0.0.2:5672      10.0.0.7:50000    timer:(keepalive,119min,0)
      0      0      10.0.0.2:5672      10.0.0.8:50001    timer:(keepalive,12sec,0)
      0      0      10.0.0.2:5672      10.0.0.9:50002
      """
    let reading = try BrokerFixtures.reading(Self.timers, output: output)
    #expect(reading.value("keepalive-sockets") == 2)
    #expect(reading.value("retransmitting-sockets") == 0)
  }

  @Test func listeningSocketOnLoopback() throws {
    let reading = try BrokerFixtures.reading(Self.listening, "ss-tlnp.txt")
    #expect(reading.value("amqp-listening-sockets") == 1)
    #expect(reading.value("amqp-loopback-listening-sockets") == 1)
    #expect(reading.value("amqp-max-accept-queue") == 0)
  }

  @Test func nothingListeningWhenTheBrokerIsDown() throws {
    let reading = try BrokerFixtures.reading(Self.listening, "ss-tln-broker-down.txt")
    #expect(reading.problem == nil)
    #expect(reading.value("amqp-listening-sockets") == 0)
    #expect(reading.fact("amqp-max-accept-queue") == nil)
  }

  @Test func everyAddressFormAndAFullAcceptQueue() throws {
    let output = """
      State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process
      LISTEN 129    128          *:5672             *:*
      LISTEN 0      128       [::]:5671          [::]:*
      LISTEN 0      128      [::1]:5672          [::]:*
      LISTEN 3      128    0.0.0.0:5672       0.0.0.0:*
      LISTEN 0      128  127.0.0.1:5672       0.0.0.0:*
      LISTEN 0      4096 127.0.0.1:4369       0.0.0.0:*
      """
    let reading = try BrokerFixtures.reading(Self.listening, output: output)
    #expect(reading.value("amqp-listening-sockets") == 5)
    #expect(reading.value("amqp-loopback-listening-sockets") == 2)
    #expect(reading.value("amqp-max-accept-queue") == 129)
  }

  @Test func crlfOutput() throws {
    let output =
      "State Recv-Q Send-Q Local Address:Port Peer Address:Port\r\n"
      + "ESTAB 0 4096 10.0.0.2:5672 10.0.0.7:50000 timer:(on,200ms,1)\r\n"
    let reading = try BrokerFixtures.reading(Self.timers, output: output)
    #expect(reading.value("retransmitting-sockets") == 1)
    #expect(reading.value("max-send-queue-bytes") == 4096)
  }
}
