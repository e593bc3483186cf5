import ArgumentParser
import CommandLineSupport
import Foundation
import SiteExport

extension RMQDoctor {
  /// `rmq-doctor export`: the guides in other forms.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export the guides in another form.",
      subcommands: [HTML.self])
  }
}

extension RMQDoctor.Export {
  /// `rmq-doctor export html OUT`: the static site.
  struct HTML: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "html",
      abstract: "Write the guides as a static HTML site, with the troubleshooter and the search.",
      discussion: """
        The site needs no server and nothing from the network: open OUT/index.html, or serve \
        it with python3 -m http.server -d OUT. OUT may be missing, empty or an earlier export; \
        anything else is refused. Of an earlier export, exactly the files it wrote are replaced \
        (its .rmq-doctor-export marker lists them with their hashes); every other file, such \
        as a CNAME or a .nojekyll, is kept, and a file it wrote that was changed by hand since \
        is kept and reported unless --force. The site is built beside OUT and moved into place \
        only when complete; a second export into the same OUT meanwhile is refused.
        """)

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The directory to write the site into.", valueName: "out"))
    var output: String

    @Option(
      name: .customLong("base-url"),
      help: ArgumentHelp(
        "The path (or full address) the site is served under, for the sitemap and the 404 page.",
        valueName: "path"))
    var baseURL = "/"

    @Option(help: ArgumentHelp("The site's name, shown on every page.", valueName: "text"))
    var title = "RabbitMQ error guides"

    @Flag(help: "Also replace the files of the earlier export that were changed by hand since.")
    var force = false

    func validate() throws {
      guard !output.isEmpty else { throw ValidationError("give the output directory") }
      guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ValidationError("--title must not be empty")
      }
    }

    func run() throws {
      let library = try options.load()
      let exporter = SiteExporter(
        library: library, options: ExportOptions(baseURL: baseURL, title: title))
      let summary: SiteExporter.Summary
      do { summary = try exporter.export(to: output, force: force) } catch {
        throw CLIError(error.description)
      }
      print("Wrote \(summary.pages) pages (\(summary.files) files) to \(output)")
      let report = summary.report
      if !report.kept.isEmpty {
        print(
          "Kept \(report.kept.count) file(s) the export does not write: \(Self.list(report.kept))")
      }
      if !report.changedKept.isEmpty {
        print(
          "Kept \(report.changedKept.count) file(s) changed by hand since the last export (--force replaces them): \(Self.list(report.changedKept))"
        )
      }
      if !report.changedReplaced.isEmpty {
        print(
          "Replaced \(report.changedReplaced.count) file(s) changed by hand (--force): \(Self.list(report.changedReplaced))"
        )
      }
      // Done: the process ends here, with success, rather than free the loaded guides one
      // object at a time (a tenth of a second at a thousand guides).
      withExtendedLifetime(library) { Self.exit() }
    }

    /// Up to five paths, then how many more.
    static func list(_ paths: [String]) -> String {
      paths.prefix(5).joined(separator: ", ")
        + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
    }
  }
}
