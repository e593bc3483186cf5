import ArgvPolicy
import CommandRunner
import Testing

/// The runner refuses what the allow-list refuses, before starting anything, even when nothing
/// linted the command first. Every program here is a recording stub.
@Suite struct RunnerRefusalTests {
  static let programs = [
    "rabbitmqctl", "rabbitmq-diagnostics", "ss", "dmesg", "journalctl", "nstat", "sysctl", "find",
    "xargs",
    "env", "nice", "timeout", "watch", "busybox",
  ]

  @Test(arguments: ShippedAllowListTests.bypasses)
  func aBypassNeverStarts(_ bypass: ShippedAllowListTests.Bypass) throws {
    let stubs = try RecordingStubs(programs: Self.programs)
    defer { stubs.remove() }
    let result = CommandRunner.run(
      bypass.argv, allowedBy: try ShippedAllowListTests.rules(), timeout: .seconds(5),
      outputLimit: 4096,
      environment: stubs.environment)
    #expect(result.launchFailure?.hasPrefix("refused: ") == true, "\(result)")
    #expect(result.launchFailure?.contains(bypass.because) == true)
    #expect(stubs.runs.isEmpty, "ran: \(stubs.runs)")
  }

  @Test func anAllowedCommandRunsTheStub() throws {
    let stubs = try RecordingStubs(programs: Self.programs)
    defer { stubs.remove() }
    let argv = ["rabbitmqctl", "-q", "-n", "rabbit@host", "list_queues", "name"]
    let result = CommandRunner.run(
      argv, allowedBy: try ShippedAllowListTests.rules(), timeout: .seconds(5), outputLimit: 4096,
      environment: stubs.environment)
    #expect(result.launchFailure == nil)
    #expect(result.exitStatus == 0)
    #expect(stubs.runs == [argv.joined(separator: " ")])
  }
}
