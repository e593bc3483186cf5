// fuzz-search: the error search as `rmq-doctor search` runs it on pasted text, and the saved search
// index (`IndexArchive`) that `rmq-doctor search` reads back from its cache directory.
//
// Input: any bytes, read as UTF-8 (invalid bytes repaired, as the command line does). An input
// that starts with the archive's header line is read as a saved index instead.
//
// Built by `.ci/fuzz` with `-sanitize=fuzzer,address -D FUZZING`: libFuzzer's `main` drives
// `LLVMFuzzerTestOneInput`. In a normal `swift build` the same file is a small program that runs
// each file named on its command line through the target once, to replay a saved crash.
import ErrorSearch
import Foundation
import FuzzSupport
import GuideKit

/// The shipped guides, loaded (and linted) once: `RMQ_DOCTOR_FUZZ_CONTENT`, else the repository's Content/.
let library = loadShippedContent(target: "fuzz-search")

/// The index the search uses, built once from the guides as the command line builds it.
let index = SearchIndex(documents: library.searchDocuments)

/// A query the saved indexes are searched with: a real broker log line.
let archiveQuery =
  "2026-11-23 04:47:34.871291+00:00 [error] <0.712.0> closing AMQP connection <0.712.0> (127.0.0.1:53974 -> 127.0.0.1:5672): missed heartbeats from client, timeout: 5s"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  if text.hasPrefix(IndexArchive.header) {
    readArchive(text)
    return 0
  }
  _ = QueryNormalizer.normalize(text)
  _ = QueryNormalizer.tokens(text)
  let outcome = index.search(text)
  _ = SearchReport(outcome)
  // The classifier of `rmq-doctor scan` asks for one result.
  _ = index.search(text, limit: 1)
  return 0
}

/// A saved index as `SearchIndexCache` reads it: parsed, indexed, searched; whatever it accepts
/// must survive being written and read again unchanged.
func readArchive(_ text: String) {
  guard let loaded = try? IndexArchive.read(text) else { return }
  _ = loaded.search(archiveQuery)
  let written = IndexArchive.write(loaded)
  let again = try? IndexArchive.read(written)
  require(again.map(IndexArchive.write) == written, "IndexArchive: read(write(index)) differs from index")
  require(again?.documents == loaded.documents, "IndexArchive: documents differ after writing and reading again")
}

/// libFuzzer calls this once before reading the corpus: loads the content, and with
/// `RMQ_DOCTOR_FUZZ_SEEDS=<directory>` writes the generated seeds there (every guide's error
/// messages, the real-world lines of Tests/Fixtures/eval, and small saved indexes of shipped guides).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  withoutLeakChecks { _ = index.documents.count }
  guard let directory = ProcessInfo.processInfo.environment["RMQ_DOCTOR_FUZZ_SEEDS"] else { return 0 }
  // Saved indexes of two guides and of a follow-on guide, their words cut to 40 so that the
  // seeds stay small.
  var seeds = [
    Array(index.documents.prefix(2)), index.documents.filter(\.followOn).prefix(1).map { $0 },
  ].map { documents in
    IndexArchive.write(
      SearchIndex(
        prepared: documents.map { document in
          var document = document
          document.termCounts = Dictionary(
            uniqueKeysWithValues: document.termCounts.sorted { $0.key < $1.key }.prefix(40).map { ($0.key, $0.value) })
          return document
        }))
  }
  seeds += library.guides.flatMap { $0.frontMatter.errors.map(\.text) }
  let eval = (try? String(contentsOfFile: repository + "/Tests/Fixtures/eval/dev-errors.jsonl", encoding: .utf8)) ?? ""
  for line in eval.split(separator: "\n") {
    if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
      let text = object["text"] as? String
    {
      seeds.append(text)
    }
  }
  for (number, seed) in seeds.enumerated() {
    _ = FileManager.default.createFile(atPath: "\(directory)/generated-\(number)", contents: Data(seed.utf8))
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
