import Foundation
import Testing

/// `rmq-doctor mcp` replaces itself with `rmq-doctor-mcp` from its own folder; the MCP tests
/// (MCPServerTests) drive the server through it. These tests cover what happens before.
@Suite struct McpLaunchTests {
  @Test func withoutTheServerBesideItTheCommandSaysWhatIsMissing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mcp-launch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let alone = folder.appendingPathComponent("rmq-doctor")
    try FileManager.default.copyItem(atPath: Binary.path, toPath: alone.path)

    let process = Process()
    process.executableURL = alone
    process.arguments = ["mcp", "--content", Binary.shippedContent]
    process.environment = Binary.environment([:])
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    Binary.expectOneLineError(
      .init(stdout: "", stderr: stderr, status: process.terminationStatus),
      containing: folder.appendingPathComponent("rmq-doctor-mcp").path + " is missing")
  }

  @Test func badOptionsAreRefusedBeforeTheServerStarts() throws {
    let run = try Binary.run(["mcp", "--max-result-bytes", "10"])
    #expect(run.status == 2)
    Binary.expectOneLineError(run, containing: "--max-result-bytes must be at least 1024")
  }

  @Test func theServerProgramReportsTheSameVersion() throws {
    let server = URL(fileURLWithPath: Binary.path).deletingLastPathComponent()
      .appendingPathComponent("rmq-doctor-mcp").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: server)
    process.arguments = ["--version"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let version = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(version == (try Binary.run(["--version"])).stdout)
    #expect(!version.isEmpty)
  }
}
