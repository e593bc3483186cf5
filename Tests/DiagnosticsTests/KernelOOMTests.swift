import Foundation
import GuideKit
import Testing

@testable import Diagnostics

/// Kernel OOM-killer lines from `dmesg`.
@Suite struct KernelOOMTests {
  static let id = "kernel-oom-kills"

  @Test func noOOMLinesMeansNoKills() throws {
    // `dmesg | grep -i oom` as root on a healthy host prints nothing.
    let reading = try BrokerFixtures.reading(Self.id, "dmesg-grep-oom.txt")
    #expect(reading.problem == nil)
    #expect(reading.value("oom-kill-count") == 0)
  }

  @Test func restrictedDmesgIsPermissionDeniedNotZero() throws {
    // The catalogue's filter would drop this line; the problem is found before filtering.
    let reading = try BrokerFixtures.reading(Self.id, "dmesg-grep-oom-as-nobody.txt")
    #expect(
      reading.problem
        == "permission denied: dmesg: read kernel buffer failed: Operation not permitted")
    #expect(reading.facts.isEmpty)
  }

  @Test func eachKillIsCountedOnceAndNamed() throws {
    let output = """
      [    0.000000] Linux version 6.1.0-18-amd64
      [ 1234.567890] java invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0
      [ 1234.567990] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/app.service,task=java,pid=4242,uid=1000
      [ 1234.568000] Out of memory: Killed process 4242 (java) total-vm:8123456kB, anon-rss:4012345kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:8000kB oom_score_adj:0
      [ 1234.600000] oom_reaper: reaped process 4242 (java), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB
      [ 2234.568000] Memory cgroup out of memory: Killed process 777 (beam.smp) total-vm:4000000kB, anon-rss:2000000kB, file-rss:0kB, shmem-rss:0kB, UID:107 pgtables:4000kB oom_score_adj:0
      [ 2300.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd
      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    let fact = try #require(reading.fact("oom-kill-count"))
    #expect(fact.value == 2)
    #expect(fact.evidence.first == "killed: java (pid 4242), beam.smp (pid 777)")
    #expect(fact.evidence.count == 3)
    #expect(fact.evidence[1].contains("Out of memory: Killed process 4242 (java)"))
  }

  @Test func olderKernelsKillMessage() throws {
    let output = """
      [  99.1] Out of memory: Kill process 3100 (python3) score 912 or sacrifice child\r
      [  99.2] Killed process 3100 (python3) total-vm:2097152kB, anon-rss:1048576kB, file-rss:0kB\r

      """
    let reading = try BrokerFixtures.reading(Self.id, output: output)
    #expect(reading.value("oom-kill-count") == 1)
  }
}
