/// Programs that run other programs, a shell or an interpreter, or that write or delete files
/// by design. A diagnostic may never start one, whatever an allow-list says.
public enum Launchers {
  /// The names, exactly.
  public static let names: Set<String> = [
    // shells and multi-call binaries
    "sh", "bash", "dash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "busybox", "toybox",
    // run a command as someone else, elsewhere or differently
    "env", "sudo", "su", "doas", "runuser", "pkexec", "chroot", "nsenter", "unshare", "setpriv",
    "setsid", "nohup", "nice", "ionice", "chrt", "taskset", "timeout", "stdbuf", "time", "watch",
    "flock", "script", "expect", "strace", "ltrace", "gdb", "valgrind", "systemd-run", "ssh",
    "xargs", "parallel", "find",
    // interpreters
    "awk", "gawk", "mawk", "nawk", "sed", "perl", "ruby", "node", "nodejs", "php", "lua", "tclsh",
    "erl", "escript", "elixir", "iex", "python", "python3",
    // write their input to files
    "tee", "dd",
  ]

  /// Names that stand for a family with versions in their names (`python3.11`, `perl5.36`).
  static let families = ["python", "perl", "ruby", "lua", "php", "node"]

  /// Whether `program` (a bare name or a path) is a launcher.
  public static func contains(_ program: String) -> Bool {
    let name = program.split(separator: "/").last.map(String.init) ?? program
    if names.contains(name) { return true }
    return families.contains { family in
      name.hasPrefix(family) && name.dropFirst(family.count).allSatisfy { $0.isNumber || $0 == "." }
    }
  }
}
