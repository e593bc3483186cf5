/// How one command run ended and what it printed.
public struct CommandResult: Sendable, Hashable {
  /// Standard output and standard error, interleaved as the program wrote them (the way the
  /// captured evidence files hold them), cut at the output limit.
  public var output: String
  /// The exit status, when the program exited by itself.
  public var exitStatus: Int32?
  /// The program was stopped because it ran past its time limit.
  public var timedOut: Bool
  /// The program was stopped because its output passed the limit.
  public var truncated: Bool
  /// Why it could not start (for example `command not found: ss`), when it did not.
  public var launchFailure: String?
  /// How long it ran.
  public var duration: Duration

  /// A result as a run (or a test) describes it.
  public init(
    output: String, exitStatus: Int32?, timedOut: Bool, truncated: Bool, launchFailure: String?,
    duration: Duration
  ) {
    self.output = output
    self.exitStatus = exitStatus
    self.timedOut = timedOut
    self.truncated = truncated
    self.launchFailure = launchFailure
    self.duration = duration
  }

  /// Whether the program started and exited with status 0 on its own.
  public var succeeded: Bool { exitStatus == 0 && !timedOut && !truncated && launchFailure == nil }
}
