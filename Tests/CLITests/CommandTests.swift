import Foundation
import Testing

@Suite struct CommandTests {
  @Test func helpListsTheCommands() throws {
    let run = try Binary.run(["--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Explain and troubleshoot RabbitMQ errors."))
    for command in ["list", "show", "lint"] {
      #expect(run.stdout.contains("  \(command) "), "\(command) missing from help")
    }
  }

  @Test func listPrintsEveryGuide() throws {
    let run = try Binary.run(["list", "--content", Binary.fixtureContent])
    #expect(run.status == 0)
    #expect(run.stdout == "alpha  Alpha: {socket_error,alpha}\nbeta   Beta: {socket_error,beta}\n")
  }

  @Test func listJSONIsOneArray() throws {
    let run = try Binary.run(["list", "--json", "--content", Binary.fixtureContent])
    let entries = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
    #expect(entries?.compactMap { $0["id"] as? String } == ["alpha", "beta"])
    #expect(entries?.first?["summary"] as? String == "A test guide about an alpha error.")
  }

  @Test func showJSONCarriesFrontMatterFAQAndCommands() throws {
    let run = try Binary.run([
      "show", "alpha", "--format", "json", "--content", Binary.fixtureContent,
    ])
    #expect(run.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["id"] as? String == "alpha")
    let faq = try #require(object["faq"] as? [[String: Any]])
    #expect(faq.map { $0["question"] as? String } == ["Is alpha bad?", "Can I ignore it?"])
    let commands = try #require(object["commands"] as? [[String: Any]])
    #expect(commands.first?["code"] as? String == "rabbitmqctl list_connections name timeout\n")
    #expect((object["tree"] as? [String: Any])?["start"] as? String == "first")
  }

  @Test func showHTMLIsRenderedByCmark() throws {
    let run = try Binary.run([
      "show", "alpha", "--format", "html", "--content", Binary.fixtureContent,
    ])
    #expect(run.stdout.hasPrefix("<h1>Alpha: {socket_error,alpha}</h1>\n"))
    #expect(run.stdout.contains("<h3>Is alpha bad?</h3>"))
  }

  @Test func showMarkdownStartsWithTheTitle() throws {
    let run = try Binary.run([
      "show", "alpha", "--format", "markdown", "--content", Binary.fixtureContent,
    ])
    #expect(
      run.stdout.hasPrefix("# Alpha: {socket_error,alpha}\n\nA test guide about an alpha error.\n"))
  }

  @Test func showTextIsPlainWhenNotATerminal() throws {
    let run = try Binary.run(["show", "alpha", "--content", Binary.fixtureContent])
    #expect(run.status == 0)
    #expect(!run.stdout.contains("\u{1B}"))
    #expect(run.stdout.hasPrefix("Alpha: {socket_error,alpha}\n===="))
  }

  @Test func lintPassesOnGoodContentAndFailsOnBad() throws {
    let good = try Binary.run(["lint", "--strict", "--content", Binary.fixtureContent])
    #expect(good.status == 0)
    #expect(
      good.stdout.contains(
        "lint: 2 guides, 1 shared questions, 1 diagnostics: 0 errors, 0 warnings"))
  }
}
