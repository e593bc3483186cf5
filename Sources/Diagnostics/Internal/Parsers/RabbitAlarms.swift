/// Reads the resource alarms a node reports: the output of `rabbitmq-diagnostics alarms` or
/// `check_local_alarms`, or the `Alarms` section of `rabbitmq-diagnostics status`.
///
/// Each alarm is a line such as `Memory alarm on node rabbit@host`, `Free disk space alarm on
/// node rabbit@host` or `File descriptor limit alarm on node rabbit@host`. The 3.10 CLI cannot
/// print a file descriptor alarm and fails instead with a `FunctionClauseError` naming
/// `{:file_descriptor_limit, []}`; that failure counts as the alarm, with the line as evidence.
///
/// Finds `memory-alarms`, `disk-alarms`, `file-descriptor-alarms` and `resource-alarms` (all
/// kinds), each a count of lines. Output that is none of these gives nothing, unless
/// `blankMeansNone` (an `alarms` command run with `-q` prints nothing when there are none).
enum RabbitAlarms {
  enum Kind: CaseIterable {
    case memory, disk, fileDescriptors

    var factID: String {
      switch self {
      case .memory: "memory-alarms"
      case .disk: "disk-alarms"
      case .fileDescriptors: "file-descriptor-alarms"
      }
    }

    var prefix: String {
      switch self {
      case .memory: "Memory alarm on node "
      case .disk: "Free disk space alarm on node "
      case .fileDescriptors: "File descriptor limit alarm on node "
      }
    }

    var name: String {
      switch self {
      case .memory: "memory"
      case .disk: "free disk space"
      case .fileDescriptors: "file descriptor limit"
      }
    }
  }

  static func findings(_ lines: OutputLines, blankMeansNone: Bool = false) -> [Finding] {
    guard let alarmLines = candidates(lines, blankMeansNone: blankMeansNone) else { return [] }
    var all: [String] = []
    var found: [Finding] = []
    for kind in Kind.allCases {
      let matching = alarmLines.filter { line in
        line.hasPrefix(kind.prefix) || (kind == .fileDescriptors && isFileDescriptorCrash(line))
      }
      all += matching
      found.append(
        Finding(
          id: kind.factID, value: Double(matching.count),
          evidence: matching.isEmpty
            ? ["no \(kind.name) alarm listed"] : Evidence.lines(matching, noun: "alarms")))
    }
    found.append(
      Finding(
        id: "resource-alarms", value: Double(all.count),
        evidence: all.isEmpty ? ["no resource alarm listed"] : Evidence.lines(all, noun: "alarms")))
    return found
  }

  /// The lines that may name alarms, or `nil` when the output is not about alarms.
  static func candidates(_ lines: OutputLines, blankMeansNone: Bool) -> [String]? {
    if let section = RabbitNodeStatus.section("Alarms", in: lines.all) {
      return section.map(\.trimmed)
    }
    let trimmed = lines.nonBlank.map(\.trimmed)
    let aboutAlarms = trimmed.contains { line in
      Kind.allCases.contains { line.hasPrefix($0.prefix) } || isFileDescriptorCrash(line)
        || (line.hasPrefix("Asking node ") && line.hasSuffix("resource alarms ..."))
        || (line.hasPrefix("Node ") && line.contains(" reported no ") && line.contains("alarms"))
    }
    if aboutAlarms { return trimmed }
    return blankMeansNone && lines.isBlank ? [] : nil
  }

  /// The 3.10 CLI's failure on a file descriptor alarm.
  static func isFileDescriptorCrash(_ line: String) -> Bool {
    line.contains("{:file_descriptor_limit, []}")
  }
}
