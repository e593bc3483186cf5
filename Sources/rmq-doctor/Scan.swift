import ArgumentParser
import CommandLineSupport
import Foundation
import LogScan

extension RMQDoctor {
  /// `rmq-doctor scan`: triage whole broker and client logs.
  struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "scan",
      abstract: "Count the error entries of whole logs by guide, peer, user, vhost and hour.",
      discussion: """
        Reads each file once, line by line (.gz files are decompressed as they are read; '-' \
        or no file reads standard input), joins multi-line entries, and classifies every \
        entry at warning level or worse with the same search as 'rmq-doctor search'. Reads \
        RabbitMQ's log formats (3.9+, lager, =WARNING REPORT====, JSON) behind journalctl \
        prefixes or not, and client output such as Python tracebacks. Times without a zone \
        are taken as UTC. Exits with 0, with 1 when a file could not be read (the others are \
        still scanned), and 2 on usage errors.
        """)

    @OptionGroup var options: ContentOptions

    @Argument(help: "Log files (plain or .gz); '-' or nothing reads standard input.")
    var files: [String] = []

    @Option(
      help: ArgumentHelp(
        "Only entries at or after this time: YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM], or an age such as 90m, 6h, 2d.",
        valueName: "time"))
    var since: String?

    @Option(
      help: ArgumentHelp(
        "Only entries before this time (same forms as --since).", valueName: "time"))
    var until: String?

    @Option(help: "What the terminal view groups by: guide, peer, subnet, user, vhost or hour.")
    var by: ScanGrouping = .guide

    @Option(help: ArgumentHelp("The prefix length of IPv4 client subnets.", valueName: "bits"))
    var ipv4Prefix = 24

    @Option(help: ArgumentHelp("The prefix length of IPv6 client subnets.", valueName: "bits"))
    var ipv6Prefix = 64

    @Flag(help: "Print the whole report as one JSON object.")
    var json = false

    func validate() throws {
      if files.isEmpty && StandardInput.isTerminal {
        throw ValidationError("name the log files, or pipe a log in: rmq-doctor scan < rabbit.log")
      }
      guard (0...32).contains(ipv4Prefix) else {
        throw ValidationError("--ipv4-prefix must be 0 to 32")
      }
      guard (0...128).contains(ipv6Prefix) else {
        throw ValidationError("--ipv6-prefix must be 0 to 128")
      }
      _ = try window()
    }

    func window(now: Date = Date()) throws -> ScanWindow {
      let window = ScanWindow(
        since: try since.map { try Self.time($0, option: "--since", now: now) },
        until: try until.map { try Self.time($0, option: "--until", now: now) })
      if let start = window.since, let end = window.until, start >= end {
        throw ValidationError("--since must be before --until")
      }
      return window
    }

    /// A time as `--since` takes it: ISO 8601 or an age counted back from now.
    static func time(_ text: String, option: String, now: Date) throws -> Int64 {
      if let seconds = ScanWindow.time(parsing: text, now: now) { return seconds }
      throw ValidationError(
        "\(option): cannot read '\(text)' as a time; use YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM] or an age such as 6h"
      )
    }

    func run() throws {
      let classifier = try options.logClassifier()
      let scanner = LogScanner(
        classifier: classifier, window: try window(),
        prefixes: SubnetPrefixes(ipv4: ipv4Prefix, ipv6: ipv6Prefix))
      var failed = false
      for file in files.isEmpty ? ["-"] : files {
        let summary: FileSummary
        if file == "-" {
          summary = scanner.scan(
            sniffing: FileDescriptorSource(descriptor: STDIN_FILENO, name: "-"), name: "-")
        } else {
          summary = scanner.scan(path: file)
        }
        if let error = summary.error {
          failed = true
          FileHandle.standardError.write(Data("Error: \(file): \(error)\n".utf8))
        }
      }
      let report = scanner.report()
      if json {
        print(try JSONOutput.encode(report))
      } else {
        print(ScanPresentation(report: report, width: Terminal.width).text(by: by), terminator: "")
      }
      if failed { throw ExitCode(1) }
    }
  }
}

extension ScanGrouping: ExpressibleByArgument {}
