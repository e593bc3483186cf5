import DoctorMode
import ErrorSearch
import Foundation
import GuideKit
import LogScan
import TestSupport
import Testing
import TroubleshootingEngine

/// The MCP server through the official Python client: every tool's answer equals the CLI's
/// `--json` output for the same question.
@Suite("MCP answers equal the CLI's", .serialized)
struct MCPAgreementTests {
  struct DevLine: Decodable {
    var id: String
    var text: String
  }

  /// The dev lines, a pasted broker line and a pika traceback from the real captures.
  static func pastedErrors() throws -> [String] {
    let lines = try Fixtures.text("dev-errors.jsonl", in: Fixtures.eval).split(separator: "\n")
    var texts = try lines.map { try JSONDecoder().decode(DevLine.self, from: Data($0.utf8)).text }
    let broker = try Fixtures.text("broker-log-full.log").split(separator: "\n")
    texts.append(
      String(try #require(broker.first { $0.contains("missed heartbeats from client") })))
    let capture = try Fixtures.text("connection-forced-drain.txt", in: Fixtures.captures)
    let traceback = try #require(capture.range(of: "Traceback (most recent call last):"))
    texts.append(capture[traceback.lowerBound...].components(separatedBy: "\n\n")[0])
    return texts
  }

  @Test("search_error equals 'search --json' on every dev line, a broker line and a traceback")
  func searchAgrees() throws {
    try MCPClient.require()
    let texts = try Self.pastedErrors()
    #expect(texts.count == 42)
    let results = try MCPClient.session(
      texts.map { MCPClient.call("search_error", ["text": $0, "limit": 5]) })
    for (text, result) in zip(texts, results) {
      let cli = try Runner.cli("search", ["--json", "--limit", "5", "--", text])
      let expected = try JSONDecoder().decode(SearchReport.self, from: Data(cli.stdout.utf8))
      #expect(result.isError == false)
      #expect(try result.decode(SearchReport.self) == expected, "for \(text.prefix(80))")
    }
  }

  @Test("list_guides, get_guide and the guide resources equal 'list --json' and 'show'")
  func guidesAgree() throws {
    try MCPClient.require()
    let listed = try JSONDecoder().decode(
      [GuideListEntry].self, from: Data(try Runner.cli("list", ["--json"]).stdout.utf8))
    #expect(listed.count >= 10)
    let tag = try #require(listed.first?.tags.first)
    var steps: [[String: Any]] = [
      MCPClient.call("list_guides"), MCPClient.call("list_guides", ["tag": tag]),
    ]
    for guide in listed {
      steps.append(MCPClient.call("get_guide", ["id": guide.id]))
      steps.append(MCPClient.call("get_guide", ["id": guide.id, "section": "causes"]))
      steps.append(MCPClient.call("get_guide", ["id": guide.id, "section": "errors"]))
      steps.append(["op": "read_resource", "uri": "guide://\(guide.id)"])
    }
    let results = try MCPClient.session(steps)
    struct List: Decodable { var guides: [GuideListEntry] }
    #expect(try results[0].decode(List.self).guides == listed)
    #expect(try results[1].decode(List.self).guides == listed.filter { $0.tags.contains(tag) })

    struct Record: Decodable {
      var faq: [FAQEntry]
      var causeDetails: [Detail]
      enum CodingKeys: String, CodingKey {
        case faq
        case causeDetails = "cause_details"
      }
      struct Detail: Decodable, Equatable {
        var id: String
        var explanation: String
      }
    }
    struct Whole: Decodable {
      var id: String
      var markdown: String
      var record: JSONValue
    }
    struct Causes: Decodable {
      var causes: [Cause]
      struct Cause: Decodable {
        var id: String
        var explanation: String
      }
    }
    struct Errors: Decodable { var errors: [ErrorSignature] }
    for (offset, guide) in listed.enumerated() {
      let base = 2 + offset * 4
      let markdown = try Runner.cli("show", [guide.id, "--format", "markdown"]).stdout
      let shown = Data(try Runner.cli("show", [guide.id, "--format", "json"]).stdout.utf8)
      let whole = try results[base].decode(Whole.self)
      #expect(whole.markdown == markdown)
      let record = try JSONDecoder().decode(JSONValue.self, from: shown)
      #expect(
        whole.record == record, "get_guide \(guide.id): the record differs from show --format json")
      let details = try JSONDecoder().decode(Record.self, from: shown).causeDetails
      let causes = try results[base + 1].decode(Causes.self).causes
      #expect(causes.map { Record.Detail(id: $0.id, explanation: $0.explanation) } == details)
      let front = try JSONDecoder().decode(GuideFrontMatter.self, from: shown)
      #expect(try results[base + 2].decode(Errors.self).errors == front.errors)
      #expect(results[base + 3].texts == [markdown])
    }
  }

  @Test(
    "troubleshoot walks a tree turn by turn, goes back by dropping answers, ends as 'wizard --json'"
  )
  func troubleshootAgrees() throws {
    try MCPClient.require()
    struct Step: Decodable {
      var status: String
      var question: Question?
      var outcome: OutcomeReport?
      struct Question: Decodable {
        var id: String
        var why: String
        var choices: [Choice]
      }
      struct Choice: Decodable { var id: String }
    }
    for (guide, pick) in [("etimedout", 0), ("missed-heartbeats", 1), ("econnrefused", -1)] {
      var answers: [String: String] = [:]
      var order: [String] = []
      var outcome: OutcomeReport?
      for _ in 0..<20 where outcome == nil {
        let step = try MCPClient.session([
          MCPClient.call("troubleshoot", ["guide": guide, "answers": answers])
        ])[0]
        .decode(Step.self)
        if let done = step.outcome {
          outcome = done
          break
        }
        let question = try #require(step.question)
        #expect(!question.why.isEmpty && question.choices.last?.id == "unknown")
        let choice =
          pick < 0 ? "unknown" : question.choices[min(pick, question.choices.count - 2)].id
        answers[question.id] = choice
        order.append(question.id)
      }
      let reached = try #require(outcome, "\(guide): no outcome after 20 answers")
      let script = order.map { "\($0)=\(answers[$0] ?? "")" }.joined(separator: ",")
      let cli = try Runner.cli("wizard", [guide, "--answers", script, "--json"])
      #expect(
        reached == (try JSONDecoder().decode(OutcomeReport.self, from: Data(cli.stdout.utf8))),
        "\(guide): \(script)")
      // Dropping the last answer asks its question again.
      let last = try #require(order.last)
      var fewer = answers
      fewer[last] = nil
      let back = try MCPClient.session([
        MCPClient.call("troubleshoot", ["guide": guide, "answers": fewer])
      ])[0]
      #expect(try back.decode(Step.self).question?.id == last)
    }
  }

  @Test("diagnose_evidence and scan_logs equal 'diagnose --evidence --json' and 'scan --json'")
  func evidenceAndScanAgree() throws {
    try MCPClient.require()
    let log = try Fixtures.path("broker-log-full.log")
    let results = try MCPClient.session([
      MCPClient.call("diagnose_evidence", ["folder": Fixtures.broker.path]),
      MCPClient.call("scan_logs", ["paths": [log]]),
      MCPClient.call(
        "scan_logs",
        [
          "paths": [log], "grouping": "user", "since": "2026-11-23T04:47",
          "until": "2026-11-23T05:00",
        ]),
    ])
    let diagnosed = try Runner.cli("diagnose", ["--evidence", Fixtures.broker.path, "--json"])
    let expected = try JSONDecoder().decode(
      DiagnoseReport.JSON.self, from: Data(diagnosed.stdout.utf8))
    #expect(!expected.findings.isEmpty)
    #expect(try results[0].decode(DiagnoseReport.JSON.self) == expected)

    let scanned = try JSONDecoder().decode(
      ScanReport.self, from: Data(try Runner.cli("scan", ["--json", log]).stdout.utf8))
    #expect(scanned.entries > 0)
    #expect(try results[1].decode(ScanReport.self) == scanned)
    #expect(results[1].texts?.first?.hasPrefix("Scanned 1 file") == true)
    let windowed = try Runner.cli(
      "scan", ["--json", "--since", "2026-11-23T04:47", "--until", "2026-11-23T05:00", log])
    #expect(
      try results[2].decode(ScanReport.self)
        == JSONDecoder().decode(ScanReport.self, from: Data(windowed.stdout.utf8)))
    #expect(results[2].texts?.first?.contains("Entries by user") == true)
  }
}
