import Foundation
import Testing

@testable import GuideKit

@Suite struct ContentLoadingTests {
  @Test func fixtureContentLoadsAndLintsClean() throws {
    let loaded = try ContentLoader.load(directory: ScratchContent.fixture)
    #expect(loaded.errors.isEmpty)
    #expect(loaded.library.guides.map(\.id) == ["alpha", "beta"])
    #expect(Linter(strict: true).lint(loaded).isEmpty)
  }

  @Test func frontMatterDecodesIntoTheModel() throws {
    let guide = try ContentLoader.loadGuide(ScratchContent.fixture + "/guides/alpha.md")
    #expect(guide.frontMatter.errors[1].library == .pika)
    #expect(
      guide.frontMatter.tree.node("first")?.answers["yes"]?.destination == .cause("heartbeats-off"))
    #expect(guide.frontMatter.tree.node("first")?.answers["no"]?.destination == .node("second"))
  }

  @Test func faqAndCommandsAreExtractedFromTheSyntaxTree() throws {
    let guide = try ContentLoader.loadGuide(ScratchContent.fixture + "/guides/alpha.md")
    #expect(guide.body.faq.map(\.question) == ["Is alpha bad?", "Can I ignore it?"])
    #expect(guide.body.faq.first?.answer == "Yes, quite.")
    let command = try #require(guide.body.commandBlocks.first)
    #expect(command.code == "rabbitmqctl list_connections name timeout\n")
    #expect(command.language == "sh")
    #expect(command.description == "List the connections with their heartbeat timeout:")
    // Line numbers are the file's, front-matter included.
    let lines = try String(contentsOfFile: guide.path, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[command.line - 1] == "```sh")
    #expect(lines[guide.body.faq[0].line - 1] == "### Is alpha bad?")
  }

  @Test func causeAndStepTextsComeFromTheirSections() throws {
    let guide = try ContentLoader.loadGuide(ScratchContent.fixture + "/guides/alpha.md")
    let cause = try #require(guide.frontMatter.causes.first)
    #expect(guide.explanation(of: cause) == "With heartbeat `0` nothing notices.")
    let step = try #require(guide.frontMatter.steps.first)
    #expect(guide.text(of: step) == "1. Set `heartbeat = 60`.\n2. Restart the clients.")
  }

  @Test func yesAndNoStayStrings() throws {
    let loaded = try ContentLoader.load(directory: ScratchContent.fixture)
    let question = try #require(loaded.library.sharedQuestions.first?.value)
    #expect(question.answers.map(\.id) == ["yes", "no"])
  }
}
