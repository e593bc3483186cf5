import Foundation
import GuideKit
import Testing

@testable import Diagnostics

/// Outputs that say the command could not do its job.
@Suite struct ProblemTests {
  @Test(arguments: [
    "bash: rabbitmqctl: command not found\n",
    "sh: 1: ss: not found\n",
    "zsh: command not found: nstat\n",
    "exec: \"sysctl\": executable file not found in $PATH\n",
    "runuser: failed to execute /usr/sbin/rabbitmqctl: No such file or directory\n",
  ])
  func missingProgram(output: String) throws {
    // Management API answers are JSON bodies, not a program's output.
    for (id, command) in BrokerFixtures.catalogue where !command.readsManagementAPI {
      let reading = try BrokerFixtures.reading(id, output: output)
      #expect(reading.problem == "command not found", "\(id)")
      #expect(reading.facts.isEmpty)
    }
  }

  @Test func permissionDeniedIsFoundBeforeTheFilter() throws {
    let output = "dmesg: read kernel buffer failed: Operation not permitted\r\n"
    let reading = try BrokerFixtures.reading("kernel-oom-kills", output: output)
    #expect(
      reading.problem
        == "permission denied: dmesg: read kernel buffer failed: Operation not permitted")
  }

  @Test func otherCLIErrorsKeepTheirMessage() throws {
    let reading = try BrokerFixtures.reading(
      "rabbitmqctl-list-connections", output: "Error: could not recognise command\n")
    #expect(reading.problem == "rabbitmqctl failed: could not recognise command")
  }

  @Test func emptyOutputs() throws {
    // Empty means "nothing there" where the tool prints nothing in that case, and is a
    // problem where a working tool always prints something.
    // rabbitmqctl's list_* print nothing at all with -q when there is nothing to list, and
    // rabbitmq-diagnostics -q alarms nothing when there is no alarm.
    let zero = ["kernel-oom-kills", "rabbitmq-log-tail", "rabbitmq-alarms"]
    for id in BrokerFixtures.catalogue.keys.sorted() {
      let reading = try BrokerFixtures.reading(id, output: "")
      if zero.contains(id) || id.hasPrefix("ss-") || id.hasPrefix("rabbitmqctl-list-") {
        #expect(reading.problem == nil, "\(id)")
        #expect(reading.facts.allSatisfy { $0.value == 0 }, "\(id): \(reading.summary)")
      } else {
        #expect(reading.problem == "empty output", "\(id)")
      }
    }
  }

  @Test func liveReadingsNameTheirSource() throws {
    let reading = try BrokerFixtures.reading(
      "sysctl-tcp-timers", output: "net.ipv4.tcp_retries2 = 15\n")
    #expect(reading.source == "live")
    #expect(reading.fact("tcp-retries2")?.source == "sysctl-tcp-timers:live")
  }
}
