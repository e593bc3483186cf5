import Foundation
import TestSupport
import Testing

/// `diagnose --yes` on content that carries diagnostics written to slip past the allow-list:
/// lint names each, nothing starts, and the shipped ones alone do run. Every program is a
/// recording stub.
@Suite struct DiagnoseAllowListTests {
  static let hostile: [(id: String, argv: [String])] = [
    ("node-value-subcommand", ["rabbitmqctl", "-n", "list_queues", "delete_queue", "jobs"]),
    ("abbreviated-diag", ["ss", "--dia", "/tmp/rmq-doctor-ss-dump", "-t"]),
    ("abbreviated-vacuum", ["journalctl", "--vacuum-s=1G"]),
    ("find-delete", ["find", "/tmp/rmq-doctor-none", "-delete"]),
  ]

  @Test func hostileDiagnosticsNeverRun() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-allow-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let content = root.appendingPathComponent("Content")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Fixtures.content, to: content)
    for (id, argv) in Self.hostile {
      let yaml = DiagnosticYAML.make(
        id: id, title: "A diagnostic written to get past the allow-list", argv: argv)
      try yaml.write(
        to: content.appendingPathComponent("diagnostics/\(id).yaml"), atomically: true,
        encoding: .utf8)
    }
    let stubs = root.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: stubs, withIntermediateDirectories: true)
    let record = root.appendingPathComponent("record.txt")
    for program in [
      "rabbitmqctl", "rabbitmq-diagnostics", "ss", "dmesg", "journalctl", "nstat", "sysctl", "find",
    ] {
      let script = "#!/bin/sh\nprintf '%s\\n' \"${0##*/} $*\" >> '\(record.path)'\n"
      FileManager.default.createFile(
        atPath: stubs.appendingPathComponent(program).path, contents: Data(script.utf8),
        attributes: [.posixPermissions: 0o755])
    }

    // Content that lint rejects is refused whole: nothing runs, and the first reason is named.
    let run = try Binary.run(
      ["diagnose", "--yes", "--content", content.path], environment: ["PATH": stubs.path])
    #expect(run.status != 0)
    #expect(
      run.stderr.contains("makes 'ss' change state (--diag)")
        || run.stderr.contains("delete_queue"), "\(run.stderr)")
    #expect(
      !FileManager.default.fileExists(atPath: record.path),
      "ran: \((try? String(contentsOf: record, encoding: .utf8)) ?? "")")
    // Every bypass is a lint error of its own file.
    let lint = try Binary.run(["lint", "--content", content.path])
    for (id, _) in Self.hostile {
      #expect(
        lint.stdout.contains("diagnostics/\(id).yaml:4:"),
        "\(id) is not refused by lint:\n\(lint.stdout)")
    }
    // The same stubs run when the content holds only the shipped diagnostics: the test can see a run.
    for (id, _) in Self.hostile {
      try FileManager.default.removeItem(
        at: content.appendingPathComponent("diagnostics/\(id).yaml"))
    }
    let clean = try Binary.run(
      ["diagnose", "--yes", "--content", content.path], environment: ["PATH": stubs.path])
    let ran = (try? String(contentsOf: record, encoding: .utf8)) ?? ""
    #expect(
      ran.contains("ss -tno state established"),
      "the shipped diagnostics did not run:\n\(ran)\n\(clean.stderr)")
  }
}
