import ArgumentParser
import CommandLineSupport
import CommonMark
import GuideKit

extension RMQDoctor {
  /// `rmq-doctor show <id>`: one guide, rendered.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show one guide.")

    /// The output formats of `show`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, markdown, html, json
    }

    @OptionGroup var options: ContentOptions

    @Argument(help: "The guide's id, as 'rmq-doctor list' prints it.")
    var id: String

    @Option(help: "The output format: text for a terminal, markdown, html, or json.")
    var format: Format = .text

    func run() throws {
      let library = try options.load()
      guard let guide = library.guide(id) else {
        let hint =
          Suggestion.closest(to: id, among: library.guides.map(\.id))
          .map { "; did you mean '\($0)'?" } ?? "; 'rmq-doctor list' shows the ids"
        throw CLIError("no guide with id '\(id)'\(hint)")
      }
      switch format {
      case .text:
        let renderer = TerminalRenderer(width: Terminal.width, style: Terminal.style)
        print(renderer.render(GuidePresentation.blocks(of: guide)), terminator: "")
      case .markdown:
        print(GuidePresentation.markdown(of: guide), terminator: "")
      case .html:
        print(HTMLRenderer.render(GuidePresentation.markdown(of: guide)), terminator: "")
      case .json:
        print(try JSONOutput.encode(GuideRecord(guide)))
      }
    }
  }
}
