import GuideKit
import Testing

@testable import TroubleshootingEngine

@Suite struct FindingTests {
  let library: ContentLibrary

  init() throws { library = try ContentPaths.library(ContentPaths.fixture) }

  func fact(_ value: Double, source: String = "list-connections:rabbitmqctl-list_connections.txt")
    -> Fact
  {
    Fact(
      id: "heartbeat-zero-connections", value: value, evidence: ["conn\t0\trunning"], source: source
    )
  }

  @Test func aNotableValueBecomesAFindingWithItsGuideAndCause() {
    let findings = Finding.findings(in: [fact(2)], library: library)
    #expect(findings.count == 1)
    #expect(findings.first?.message == "2 connection(s) negotiate heartbeat 0")
    #expect(findings.first?.guide == "beta")
    #expect(findings.first?.cause == "heartbeats-off")
    #expect(findings.first?.fact.evidence == ["conn\t0\trunning"])
  }

  @Test func anOrdinaryValueIsNoFinding() {
    #expect(Finding.findings(in: [fact(0)], library: library).isEmpty)
  }

  @Test func aFactFromAnotherDiagnosticIsNotReadAgainstThisRule() {
    #expect(
      Finding.findings(in: [fact(5, source: "other-diagnostic:live")], library: library).isEmpty)
  }
}
