import Foundation
import Testing

@testable import CommandRunner

#if canImport(Glibc)
  import Glibc
#endif

/// The runner with real programs. (The tests start `sh` themselves to build process trees;
/// the runner never uses a shell.)
@Suite struct CommandRunnerTests {
  @Test func outputAndStatusOfAProgramThatExits() {
    let result = CommandRunner.run(["printf", "a\\tb\\n"], timeout: .seconds(5), outputLimit: 1000)
    #expect(result.output == "a\tb\n")
    #expect(result.exitStatus == 0)
    #expect(result.succeeded)
  }

  @Test func standardErrorIsKeptWithTheOutput() {
    let result = CommandRunner.run(
      ["ls", "/no/such/path"], timeout: .seconds(5), outputLimit: 1000)
    #expect(result.exitStatus == 2)
    #expect(result.output.contains("No such file or directory"))
    #expect(!result.succeeded)
  }

  @Test func argumentsAreNeverInterpretedByAShell() {
    let result = CommandRunner.run(
      ["echo", "$HOME; rm -rf / | cat"], timeout: .seconds(5), outputLimit: 1000)
    #expect(result.output == "$HOME; rm -rf / | cat\n")
  }

  @Test func aMissingProgramIsReportedNotRun() {
    let result = CommandRunner.run(
      ["rmq-doctor-no-such-tool"], timeout: .seconds(5), outputLimit: 1000)
    #expect(result.launchFailure == "command not found: rmq-doctor-no-such-tool")
    #expect(result.exitStatus == nil)
  }

  @Test func aSlowProgramIsStoppedWithItsWholeProcessGroup() throws {
    // Durations no other process uses, to find ours in /proc afterwards.
    let child = "30.\(Int.random(in: 100_000...999_999))"
    let parent = "31.\(Int.random(in: 100_000...999_999))"
    let clock = ContinuousClock()
    let start = clock.now
    // A parent that leaves a child behind, both sleeping far past the limit.
    let result = CommandRunner.run(
      ["sh", "-c", "sleep \(child) & echo started; exec sleep \(parent)"],
      timeout: .milliseconds(300),
      outputLimit: 1000)
    #expect(result.timedOut)
    #expect(result.exitStatus == nil)
    #expect(result.output == "started\n")
    #expect(clock.now - start < .seconds(3))
    usleep(100_000)
    let survivors = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { entry in
      guard Int(entry) != nil,
        let command = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8)
      else { return false }
      return command.contains(child) || command.contains(parent)
    }
    #expect(survivors.isEmpty, "left running: \(survivors)")
  }

  @Test func endlessOutputIsCutAtTheLimit() {
    let result = CommandRunner.run(["yes"], timeout: .seconds(5), outputLimit: 10_000)
    #expect(result.truncated)
    #expect(result.output.utf8.count == 10_000)
    #expect(!result.timedOut)
  }

  @Test func standardInputIsEmpty() {
    let result = CommandRunner.run(["cat"], timeout: .seconds(5), outputLimit: 1000)
    #expect(result.output.isEmpty)
    #expect(result.exitStatus == 0)
  }
}
