// fuzz-diagnostics: every parser of the diagnostics catalogue through `OutputReader.read`, as
// `diagnose` and evidence bundles use it: the problem detection, the entry's line filter, then the
// entry's parser (rabbitmqctl tables, ss, sysctl, the kernel's OOM lines, the broker log, nstat,
// plain text, node reachability, openssl s_client, and the management API's JSON answers).
//
// Input: `<diagnostic id>\n<output>` reads the output as that catalogue entry's; any other input
// picks entry number `first byte % number of entries` (entries sorted by id, as Content/diagnostics
// lists them) and reads the bytes after the first as its output.
//
// Built by `.ci/fuzz` with `-sanitize=fuzzer,address -D FUZZING`: libFuzzer's `main` drives
// `LLVMFuzzerTestOneInput`. In a normal `swift build` the same file is a small program that runs
// each file named on its command line through the target once, to replay a saved crash.
import Diagnostics
import ErrorSearch
import Foundation
import FuzzSupport
import GuideKit
import LogScan

/// The shipped content, loaded (and linted) once: `RMQ_DOCTOR_FUZZ_CONTENT`, else Content/.
let library = loadShippedContent(target: "fuzz-diagnostics")

/// The catalogue, sorted by id.
let catalogue: [DiagnosticCommand] = library.diagnostics.map(\.value).sorted { $0.id < $1.id }
let byID = Dictionary(catalogue.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
/// What the broker log parser classifies with.
let index = SearchIndex(documents: library.searchDocuments)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let first = bytes.first else { return 0 }
  let command: DiagnosticCommand
  let output: String
  if let newline = bytes.prefix(100).firstIndex(of: 0x0A),
    let named = byID[String(decoding: bytes[..<newline], as: UTF8.self)]
  {
    command = named
    output = String(decoding: bytes[(newline + 1)...], as: UTF8.self)
  } else {
    command = catalogue[Int(first) % catalogue.count]
    output = String(decoding: bytes.dropFirst(), as: UTF8.self)
  }
  let reading = OutputReader.read(output, of: command, source: "fuzz", classifier: LogClassifier(index: index))
  _ = reading.hashValue
  _ = reading.facts.map { "\($0)" }
  return 0
}

/// libFuzzer calls this once before reading the corpus: loads the content; with
/// `RMQ_DOCTOR_FUZZ_CATALOGUE=<file>` writes there one line per entry: its number, id, parser and
/// (tab-separated) what Fuzz/seeds.py matches seeds with: evidence patterns, argv, management path.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  withoutLeakChecks { _ = (index.documents.count, byID.count) }
  if let file = ProcessInfo.processInfo.environment["RMQ_DOCTOR_FUZZ_CATALOGUE"] {
    let lines = catalogue.enumerated().map { number, command in
      [
        "\(number)", command.id, command.parser.rawValue, (command.evidence ?? []).joined(separator: " "),
        command.argv.joined(separator: " "), command.httpGet ?? "",
      ].joined(separator: "\t")
    }
    _ = FileManager.default.createFile(atPath: file, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
  }
  return 0
}

#if !FUZZING
  /// Without libFuzzer: runs each file named on the command line through the target once.
  @main
  enum Replay {
    static func main() { replay(CommandLine.arguments.dropFirst(), through: fuzz) }
  }
#endif
