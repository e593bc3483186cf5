import Foundation
import GuideKit
import Testing

@testable import Diagnostics

/// `sysctl` settings and `nstat` counters.
@Suite struct KernelSettingsTests {
  @Test func keepaliveAndRetransmissionSettings() throws {
    let reading = try BrokerFixtures.reading("sysctl-tcp-timers", "sysctl-keepalive.txt")
    #expect(reading.value("tcp-keepalive-time") == 7200)
    #expect(reading.value("tcp-keepalive-intvl") == 75)
    #expect(reading.value("tcp-keepalive-probes") == 9)
    #expect(reading.value("tcp-retries2") == 15)
    #expect(reading.fact("tcp-keepalive-time")?.evidence == ["net.ipv4.tcp_keepalive_time = 7200"])
  }

  @Test func aSettingSysctlCannotReadIsAbsent() throws {
    let output = """
      net.ipv4.tcp_keepalive_time = 600\r
      sysctl: cannot stat /proc/sys/net/ipv4/tcp_keepalive_intvl: No such file or directory\r
      net.ipv4.tcp_retries2 = 8\r

      """
    let reading = try BrokerFixtures.reading("sysctl-tcp-timers", output: output)
    #expect(reading.summary == "tcp-keepalive-time = 600.0, tcp-retries2 = 8.0")
  }

  @Test func emptySysctlOutputIsAProblem() throws {
    let reading = try BrokerFixtures.reading("sysctl-tcp-timers", output: "")
    #expect(reading.problem == "empty output")
    #expect(reading.facts.isEmpty)
  }

  @Test func abortCountersBeforeAndAfterTheRun() throws {
    let before = try BrokerFixtures.reading("nstat-tcp-aborts", "nstat-abort-before.txt")
    let after = try BrokerFixtures.reading("nstat-tcp-aborts", "nstat-abort-after.txt")
    #expect(before.value("tcp-abort-on-timeout") == 2)
    #expect(before.value("tcp-abort-on-data") == 44)
    #expect(after.value("tcp-abort-on-timeout") == 3)
    #expect(after.value("tcp-abort-on-data") == 68)
    // The counter was not asked for in that run, so it is absent, not 0.
    #expect(after.fact("tcp-retrans-segs") == nil)
  }

  @Test func retransmittedSegments() throws {
    let reading = try BrokerFixtures.reading("nstat-tcp-aborts", "nstat-i1-retrans.txt")
    #expect(reading.summary == "tcp-retrans-segs = 63.0")
  }

  @Test func counterNamesBecomeFactIDs() {
    #expect(NstatCountersParser.factID("TcpExtTCPAbortOnTimeout") == "tcp-abort-on-timeout")
    #expect(NstatCountersParser.factID("TcpRetransSegs") == "tcp-retrans-segs")
    #expect(NstatCountersParser.factID("IpInReceives") == nil)
  }
}
