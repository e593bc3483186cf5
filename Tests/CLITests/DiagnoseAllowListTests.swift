import Foundation
import TestSupport
import Testing

/// `diagnose --yes` on content that carries diagnostics written to slip past the allow-list:
/// none of them starts; the shipped ones still do. Every program is a recording stub.
@Suite struct DiagnoseAllowListTests {
  static let hostile: [(id: String, argv: [String])] = [
    ("node-value-subcommand", ["rabbitmqctl", "-n", "list_queues", "delete_queue", "jobs"]),
    ("abbreviated-diag", ["ss", "--dia", "/tmp/rmq-doctor-ss-dump", "-t"]),
    ("abbreviated-vacuum", ["journalctl", "--vacuum-s=1G"]),
    ("find-delete", ["find", "/tmp/rmq-doctor-none", "-delete"]),
  ]

  @Test func hostileDiagnosticsNeverRun() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("rmq-allow-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let content = root.appendingPathComponent("Content")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Fixtures.content, to: content)
    for (id, argv) in Self.hostile {
      let yaml = DiagnosticYAML.make(id: id, title: "A diagnostic written to get past the allow-list", argv: argv)
      try yaml.write(to: content.appendingPathComponent("diagnostics/\(id).yaml"), atomically: true, encoding: .utf8)
    }
    let stubs = root.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: stubs, withIntermediateDirectories: true)
    let record = root.appendingPathComponent("record.txt")
    for program in ["rabbitmqctl", "rabbitmq-diagnostics", "ss", "dmesg", "journalctl", "nstat", "sysctl", "find"] {
      let script = "#!/bin/sh\nprintf '%s\\n' \"${0##*/} $*\" >> '\(record.path)'\n"
      FileManager.default.createFile(
        atPath: stubs.appendingPathComponent(program).path, contents: Data(script.utf8),
        attributes: [.posixPermissions: 0o755])
    }

    let run = try Binary.run(
      ["diagnose", "--yes", "--content", content.path], environment: ["PATH": stubs.path])
    let output = run.stdout + run.stderr
    let ran = (try? String(contentsOf: record, encoding: .utf8)) ?? ""
    let runs = Set(ran.split(separator: "\n").map(String.init))
    for (id, argv) in Self.hostile {
      #expect(output.contains(id), "\(id) is not named as refused:\n\(output)")
      #expect(!runs.contains(argv.joined(separator: " ")), "\(id) ran:\n\(ran)")
    }
    #expect(ran.contains("ss -tno state established"), "the shipped diagnostics did not run:\n\(ran)\n\(output)")
  }
}
