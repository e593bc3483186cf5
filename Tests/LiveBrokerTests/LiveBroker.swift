import Foundation
import TestSupport
import Testing

/// The live broker the suite talks to, and what else it needs: root, the Python clients, the
/// built binary. Off CI, anything missing skips the suite with the reason; under CI (`CI=true`)
/// it fails it.
enum LiveBroker {
  static let environment = ProcessInfo.processInfo.environment

  /// Whether this is a CI run, where a missing broker is a failure.
  static let underCI = ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")

  /// The repository this file belongs to.
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The shipped Content folder.
  static let content = repository.appendingPathComponent("Content").path

  /// `RMQ_DOCTOR_PYTHON` (set by `.ci/with-broker`), else `.venv-live/bin/python3`, else
  /// `python3` on `PATH`.
  static let python: String? = {
    if let explicit = environment["RMQ_DOCTOR_PYTHON"], !explicit.isEmpty { return explicit }
    let venv = repository.appendingPathComponent(".venv-live/bin/python3").path
    if FileManager.default.isExecutableFile(atPath: venv) { return venv }
    return Program.locate("python3")
  }()

  /// `RMQ_DOCTOR_BROKER_LOG` (set by `.ci/with-broker`), else the log file of the node that
  /// `.ci/broker-start` configures.
  static let logFile =
    environment["RMQ_DOCTOR_BROKER_LOG"].flatMap { $0.isEmpty ? nil : $0 }
    ?? "/var/log/rabbitmq/rabbit@localhost.log"

  /// The built `rmq-doctor` beside the test bundle.
  static let binary = BuiltBinary.path

  /// Why the live tests cannot run here, or `nil` when they can. Checked once.
  static let missing: String? = {
    if geteuid() != 0 {
      return
        "not root: rabbitmqctl and the broker log need root (run: sudo bash .ci/with-broker swift test --filter LiveBrokerTests)"
    }
    if !acceptsConnections(port: 5672) {
      return
        "no broker answers on 127.0.0.1:5672 (start one with: sudo bash .ci/broker-start, or run the suite through .ci/with-broker)"
    }
    guard let python else { return "no python3 (run: bash .ci/live-python)" }
    if (try? Program.run(python, ["-c", "import pika"], timeout: 30))?.status != 0 {
      return "\(python) cannot import pika (run: bash .ci/live-python)"
    }
    if Program.locate("rabbitmqctl") == nil { return "rabbitmqctl is not installed" }
    if !FileManager.default.isReadableFile(atPath: logFile) {
      return "cannot read the broker log \(logFile) (set RMQ_DOCTOR_BROKER_LOG)"
    }
    return nil
  }()

  /// Whether the suite runs: when nothing is missing, and always under CI, where what is
  /// missing fails each test.
  static var shouldRun: Bool { missing == nil || underCI }

  /// Why the suite is skipped.
  static var skipReason: Comment {
    Comment(rawValue: "live broker tests skipped: \(missing ?? "")")
  }

  /// Skips the running test with the reason when the broker or a tool is missing, or fails it
  /// under CI.
  static func require(sourceLocation: SourceLocation = #_sourceLocation) throws {
    guard let missing else { return }
    if underCI {
      throw Program.Failure(
        description: "CI=true, and the live broker tests cannot run: \(missing)")
    }
    try Test.cancel("live broker tests skipped: \(missing)", sourceLocation: sourceLocation)
  }

  /// Whether something accepts TCP connections on 127.0.0.1:`port` within a second.
  static func acceptsConnections(port: UInt16) -> Bool {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return false }
    defer { close(socket) }
    var timeout = timeval(tv_sec: 1, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    return result == 0
  }

  /// `make` run with the clients' Python when the broker and its tools are there; why not,
  /// otherwise. What a suite's shared run is made with.
  static func prepared<Run>(_ make: (String) throws -> Run) -> Result<Run, Program.Failure> {
    guard missing == nil, let python else {
      return .failure(Program.Failure(description: missing ?? "no python"))
    }
    do { return .success(try make(python)) } catch let failure as Program.Failure {
      return .failure(failure)
    } catch {
      return .failure(Program.Failure(description: "\(error)"))
    }
  }

  /// Runs `rmq-doctor` with `arguments` and the shipped content.
  static func doctor(_ arguments: [String]) throws -> Program.Run {
    try Program.run(binary, arguments + ["--content", content], timeout: 180)
  }

  /// Runs `rabbitmqctl` with `arguments`.
  static func rabbitmqctl(_ arguments: [String]) throws -> Program.Run {
    try Program.run(
      Program.locate("rabbitmqctl") ?? "/usr/sbin/rabbitmqctl", arguments, timeout: 60)
  }

  /// The JSON object `run` printed.
  static func object(_ run: Program.Run, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [String: Any]
  {
    try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
      "not one JSON object; stdout: \(run.stdout) stderr: \(run.stderr)",
      sourceLocation: sourceLocation)
  }
}
