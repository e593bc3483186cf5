import Foundation
import GuideKit
import TestSupport
import Testing

/// Bad calls get one clear sentence as a tool error and the server goes on answering; results
/// are capped; live diagnostics exist only when allowed; stdout carries protocol messages only.
@Suite("MCP server: bad input, limits and stdout", .serialized)
struct MCPBadInputTests {
  @Test("tools and resources are listed, each tool with an object schema")
  func listing() throws {
    try MCPClient.require()
    let results = try MCPClient.session([
      ["op": "list_tools"], ["op": "list_resources"],
      ["op": "read_resource", "uri": "rmq-doctor://errors"],
    ])
    let tools = try #require(results[0].tools)
    #expect(
      Set(tools.map(\.name)) == [
        "search_error", "get_guide", "list_guides", "troubleshoot", "diagnose_evidence",
        "scan_logs",
      ])
    for tool in tools {
      guard case .object(let schema) = tool.inputSchema else {
        Issue.record("\(tool.name): no schema")
        continue
      }
      #expect(schema["type"] == .string("object"), "\(tool.name)")
    }
    let uris = Set(try #require(results[1].resources).map(\.uri))
    #expect(uris.contains("guide://econnreset") && uris.contains("rmq-doctor://errors"))
    let index = try JSONDecoder().decode(
      [[String: JSONValue]].self, from: Data(try #require(results[2].texts?.first).utf8))
    #expect(index.count >= 10 && index.allSatisfy { $0["guide"] != nil && $0["text"] != nil })
  }

  @Test(
    "bad arguments, unknown ids and tools, unreadable paths and a 10 MB argument are tool errors")
  func badCalls() throws {
    try MCPClient.require()
    let huge = String(repeating: "connection reset by peer ", count: 10 << 20 / 25)
    let cases: [(step: [String: Any], says: String)] = [
      (MCPClient.call("no_such_tool"), "there is no tool 'no_such_tool'"),
      (MCPClient.call("search_error"), "search_error(text): this argument is required."),
      (
        MCPClient.call("search_error", ["text": "ECONNRESET", "limit": "five"]),
        "must be a whole number from 1 to 50"
      ),
      (
        MCPClient.call("search_error", ["text": "ECONNRESET", "colour": true]),
        "there is no argument 'colour'"
      ),
      (
        MCPClient.call("search_error", ["text": huge]), "bytes and the search takes at most 1048576"
      ),
      (MCPClient.call("get_guide", ["id": "econreset"]), "did you mean 'econnreset'?"),
      (
        MCPClient.call("get_guide", ["id": "etimedout", "section": "steps"]),
        "section steps needs a cause"
      ),
      (
        MCPClient.call("get_guide", ["id": "etimedout", "section": "recipes"]),
        "is not one of causes, steps, faq, errors, diagnostics"
      ),
      (
        MCPClient.call("troubleshoot", ["guide": "etimedout", "answers": ["nope": "yes"]]),
        "asks no question 'nope'"
      ),
      (
        MCPClient.call("diagnose_evidence", ["folder": "/nonexistent/evidence"]),
        "is not a folder that can be read"
      ),
      (
        MCPClient.call("scan_logs", ["paths": ["/nonexistent/rabbit.log"]]),
        "cannot read /nonexistent/rabbit.log"
      ),
      (MCPClient.call("scan_logs", ["paths": ["/dev/zero"]]), "/dev/zero is not a regular file"),
      (
        MCPClient.call("scan_logs", ["paths": ["/etc/hostname"], "since": "yesterday"]),
        "cannot read 'yesterday' as a time"
      ),
      (MCPClient.call("run_diagnostics", ["confirm": true]), "there is no tool 'run_diagnostics'"),
    ]
    let results = try MCPClient.session(
      cases.map(\.step) + [MCPClient.call("search_error", ["text": "ECONNRESET"])])
    for ((_, says), result) in zip(cases, results) {
      #expect(result.isError == true, "\(says)")
      let text = result.texts?.joined() ?? result.error ?? ""
      #expect(text.contains(says), "\(text.prefix(300))")
      #expect(!text.contains("\n"), "one sentence: \(text.prefix(300))")
    }
    #expect(results.last?.isError == false, "the server answers after the bad calls")
    let unknown = try MCPClient.session([["op": "read_resource", "uri": "guide://econreset"]])[0]
    #expect(
      unknown.ok == false && unknown.error?.contains("did you mean guide://econnreset?") == true)
  }

  @Test("a result over --max-result-bytes is cut with a note")
  func capped() throws {
    try MCPClient.require()
    let result = try MCPClient.session(
      [MCPClient.call("get_guide", ["id": "etimedout"])],
      serverArguments: ["--max-result-bytes", "4000"])[0]
    let text = try #require(result.texts).joined()
    #expect(result.isError == false && result.structured == nil)
    #expect(text.utf8.count <= 4000)
    #expect(
      text.contains("[cut by rmq-doctor: this result is ")
        && text.contains("a tool result is at most 4000"))
  }

  @Test(
    "run_diagnostics exists only with --allow-live-diagnostics and shows the commands before running"
  )
  func liveOnlyWhenAllowed() throws {
    try MCPClient.require()
    let results = try MCPClient.session(
      [["op": "list_tools"], MCPClient.call("run_diagnostics")],
      serverArguments: ["--allow-live-diagnostics"])
    #expect(results[0].tools?.contains { $0.name == "run_diagnostics" } == true)
    struct Plan: Decodable {
      var commands: [Command]
      var skipped: [Skipped]
      var note: String
      struct Command: Decodable {
        var diagnostic: String
        var command: String
      }
      struct Skipped: Decodable { var diagnostic: String }
    }
    let plan = try results[1].decode(Plan.self)
    // Every command of the catalogue; the management API diagnostics are read with --url only.
    let catalogue = try ContentLoader.load(directory: Fixtures.content.path).library.diagnostics
      .filter { !$0.value.readsManagementAPI }
    #expect(catalogue.count >= 20)
    #expect(plan.commands.count + plan.skipped.count == catalogue.count)
    #expect(plan.note.hasPrefix("Nothing has run."))
  }

  @Test("stdout carries only JSON-RPC messages, whatever comes in")
  func stdoutIsProtocolOnly() throws {
    let lines = [
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
      #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
      "this is not JSON",
      #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_error","arguments":{"text":"ECONNREFUSED"}}}"#,
      #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_guide","arguments":{"id":"nope"}}}"#,
    ]
    let run = try Runner.run(
      BuiltBinary.path, ["mcp", "--content", Fixtures.content.path],
      input: Data((lines.joined(separator: "\n") + "\n").utf8), timeout: 60)
    #expect(run.status == 0, "\(run.stderr)")
    let out = run.stdout.split(separator: "\n")
    #expect(out.count >= 3)
    for line in out {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["jsonrpc"] as? String == "2.0", "\(line.prefix(200))")
    }
    #expect(run.stdout.contains(#""id":2"#) && run.stdout.contains(#""id":3"#))
  }
}
