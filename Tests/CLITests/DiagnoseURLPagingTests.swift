import Foundation
import Testing

/// Thousands of connections come from the management API page by page; `diagnose --url` reads
/// every page and counts them all (Tests/Fixtures/lab/fake_management.py, mode `paged`).
@Suite struct DiagnoseURLPagingTests {
  @Test func everyPageOfConnectionsIsReadAndCounted() throws {
    let server = try FakeManagementServer(mode: "paged")
    defer { server.stop() }
    let run = try Binary.run(
      [
        "diagnose", "--url", server.url(), "--user", "guest", "--yes", "--json", "--content",
        Binary.shippedContent,
      ],
      environment: ["RMQ_DOCTOR_PASSWORD": "guest"])
    #expect(run.status == 1, "stderr: \(run.stderr)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let facts = report["facts"] as? [[String: Any]] ?? []
    func value(_ id: String) -> Double? {
      (facts.first {
        $0["id"] as? String == id && ($0["source"] as? String ?? "").hasPrefix("api-connections:")
      }?["value"]
        as? NSNumber)?.doubleValue
    }
    // 1234 connections: 124 with heartbeat 0 (0, 10, ..., 1230), 13 blocked (0, 100, ..., 1200).
    #expect(value("connection-count") == 1234)
    #expect(value("heartbeat-zero-connections") == 124)
    #expect(value("blocked-connections") == 13)
    let pages = server.requests().filter { $0.hasPrefix("/api/connections") }
    #expect(pages.count == 3, "\(pages)")
    for (index, page) in pages.enumerated() {
      #expect(page.hasSuffix("&page=\(index + 1)&page_size=500"), "\(page)")
    }
  }
}
