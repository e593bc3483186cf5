/// One problem lint found, printed compiler-style: `path:line:column: error: message`.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
  /// How serious the problem is.
  public enum Severity: String, Sendable, Hashable {
    case error, warning
  }

  /// How serious it is.
  public var severity: Severity
  /// Where it is.
  public var location: FileLocation
  /// What is wrong, in one line.
  public var message: String

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// The findings of one lint run, collected as the checks go.
struct LintReport {
  var findings: [LintFinding] = []

  mutating func error(_ message: String, at location: FileLocation) {
    findings.append(LintFinding(severity: .error, location: location, message: message))
  }

  mutating func warning(_ message: String, at location: FileLocation) {
    findings.append(LintFinding(severity: .warning, location: location, message: message))
  }
}
