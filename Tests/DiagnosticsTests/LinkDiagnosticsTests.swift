import Foundation
import TestSupport
import Testing

@testable import Diagnostics

/// The plugin, shovel and federation diagnostics on the real 3.10.8 outputs that
/// `Tests/Fixtures/lab/capture-cluster-bundles.sh` captured on rabbit2@localhost of the test
/// cluster (`links-bundle`).
@Suite struct LinkDiagnosticsTests {
  static let links = Fixtures.folder.appendingPathComponent("links-bundle")

  func reading(_ id: String, _ file: String) throws -> DiagnosticReading {
    let text = try Fixtures.text(file, in: Self.links)
    return OutputReader.read(
      text, of: try BrokerFixtures.command(id), source: file, classifier: BrokerFixtures.classifier)
  }

  @Test func thePluginsListSaysWhichRun() throws {
    let plugins = try reading("rabbitmq-plugins-enabled", "rabbitmq-plugins-list.txt")
    #expect(plugins.problem == nil)
    #expect(plugins.value("plugins-enabled") == 5, "\(plugins.summary)")
    #expect(
      plugins.value("plugins-not-running") == 0 && plugins.value("plugins-missing") == 0,
      "\(plugins.summary)")
    #expect(
      plugins.value("management-plugin-running") == 1 && plugins.value("shovel-plugin-running") == 1
    )
    #expect(plugins.value("federation-plugin-running") == 1)
  }

  @Test func enabledButStoppedAndMissingPlugins() throws {
    let output = """
      Listing plugins with pattern ".*" ...
       Configured: E = explicitly enabled; e = implicitly enabled
       | Status: * = running on rabbit@host
       |/
      [E ] rabbitmq_management       3.10.8
      [e ] rabbitmq_web_dispatch     3.10.8
      [  ] rabbitmq_shovel           3.10.8
      """
    let plugins = try BrokerFixtures.reading("rabbitmq-plugins-enabled", output: output)
    #expect(plugins.value("plugins-not-running") == 2, "\(plugins.summary)")
    #expect(
      plugins.value("management-plugin-running") == 0 && plugins.value("shovel-plugin-running") == 0
    )
    #expect(plugins.value("federation-plugin-running") == 0, "not installed counts as not running")
  }

  @Test func aShovelThatCannotReachItsSourceIsNotRunning() throws {
    let shovels = try reading("rabbitmqctl-shovel-status", "rabbitmqctl-shovel_status.txt")
    #expect(shovels.problem == nil)
    #expect(
      shovels.value("shovels") == 1 && shovels.value("shovels-down") == 1, "\(shovels.summary)")
    #expect(
      shovels.fact("shovels-down")?.evidence == ["shovel rmq-doctor-orders-shovel is starting"])
    let none = try BrokerFixtures.reading(
      "rabbitmqctl-shovel-status", output: "Shovel status on node rabbit2@localhost\n")
    #expect(none.value("shovels") == 0 && none.value("shovels-down") == 0, "\(none.summary)")
  }

  @Test func aFederationLinkRefusedByTheUpstreamIsDown() throws {
    let links = try reading("rabbitmqctl-federation-status", "rabbitmqctl-federation_status.txt")
    #expect(links.problem == nil)
    #expect(
      links.value("federation-links") == 1 && links.value("federation-links-down") == 1,
      "\(links.summary)")
    let evidence = links.fact("federation-links-down")?.evidence ?? []
    #expect(evidence.contains { $0.contains("auth_failure") }, "\(evidence)")
    let none = try BrokerFixtures.reading(
      "rabbitmqctl-federation-status",
      output: "Listing federation links on node rabbit2@localhost...\n[]\n")
    #expect(
      none.value("federation-links") == 0 && none.value("federation-links-down") == 0,
      "\(none.summary)")
  }
}
