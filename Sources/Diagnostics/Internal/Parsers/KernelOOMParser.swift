import Foundation

/// Reads kernel log lines (`dmesg`, `journalctl -k`) for the OOM killer's kills.
///
/// A kill is logged as `Out of memory: Killed process 1234 (java) …` (or `Memory cgroup out of
/// memory: …`, or before 5.x `Killed process 1234 (java) …` after `Kill process …`), and since
/// 4.19 also as `oom-kill:…,task=java,pid=1234,…`. Both lines of one kill name the same pid, so
/// kills are counted once per pid. `oom-kill-count` is 0 when no line reports a kill, including
/// for an empty output: `dmesg | grep -i oom` prints nothing on a healthy host.
enum KernelOOMParser {
  struct Kill: Hashable {
    var pid: String
    var process: String
  }

  static func parse(_ lines: OutputLines) -> ParseOutcome {
    var kills: [Kill] = []
    var lineOfKill: [String: String] = [:]
    for line in lines.nonBlank {
      guard let kill = kill(in: line) else { continue }
      if !kills.contains(where: { $0.pid == kill.pid }) { kills.append(kill) }
      if lineOfKill[kill.pid] == nil || line.contains("Killed process") {
        lineOfKill[kill.pid] = line
      }
    }
    let killLines = kills.compactMap { lineOfKill[$0.pid] }
    let evidence: [String]
    if kills.isEmpty {
      let read = lines.isBlank ? "the output is empty" : "\(lines.nonBlank.count) lines read"
      evidence = ["no process killed by the OOM killer (\(read))"]
    } else {
      let named = kills.prefix(8).map { "\($0.process) (pid \($0.pid))" }.joined(separator: ", ")
      let more = kills.count > 8 ? ", …" : ""
      evidence =
        ["killed: \(named)\(more)"]
        + Evidence.lines(killLines, noun: "kills", limit: Evidence.lineLimit - 1)
    }
    return ParseOutcome(findings: [
      Finding(id: "oom-kill-count", value: Double(kills.count), evidence: evidence)
    ])
  }

  static func kill(in line: String) -> Kill? {
    if let fields = killedProcess.captures(in: line), let pid = fields[0] {
      return Kill(pid: pid, process: fields[1] ?? "?")
    }
    if let fields = oomKillRecord.captures(in: line), let pid = fields[1] {
      return Kill(pid: pid, process: fields[0] ?? "?")
    }
    return nil
  }

  static let killedProcess = NSRegularExpression.literal("Killed process (\\d+) \\(([^)]*)\\)")
  static let oomKillRecord = NSRegularExpression.literal(
    "oom-kill:.*\\btask=([^,]*),pid=(\\d+)")
}
