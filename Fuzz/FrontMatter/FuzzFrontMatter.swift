// fuzz-front-matter: the content loader and `rmq-doctor lint` on a content directory whose files
// are the input: a guide (front-matter split, YAML, decoding into `GuideFrontMatter`, the Markdown
// body), a shared question, a diagnostics catalogue entry and the allow-list, all four the same
// bytes, then lint over them and the search's preparation of the guide.
//
// The loader only reads files (`ContentLoader.loadGuide(path)`; the split and the text decoding
// are internal), so each input is written to a scratch content directory under $TMPDIR first.
//
// Built by `.ci/fuzz` with `-sanitize=fuzzer,address -D FUZZING`: libFuzzer's `main` drives
// `LLVMFuzzerTestOneInput`. In a normal `swift build` the same file is a small program that runs
// each file named on its command line through the target once, to replay a saved crash.
import ErrorSearch
import Foundation
import FuzzSupport
import GuideKit

/// The scratch content directory of this process, removed at exit.
let scratch: String = {
  let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
  let directory = "\(base)/rmq-doctor-fuzz-front-matter-\(getpid())"
  for folder in ["guides", "questions", "diagnostics"] {
    try? FileManager.default.createDirectory(atPath: "\(directory)/\(folder)", withIntermediateDirectories: true)
  }
  return directory
}()

/// The files the previous input was written to.
nonisolated(unsafe) var written: [String] = []

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(bytes: data, count: size)
  // Lint wants each file named after its id: take the first `id:` line's value as the name.
  let name = fileName(bytes)
  for path in written { unlink(path) }
  written = [
    "\(scratch)/guides/\(name).md", "\(scratch)/questions/\(name).yaml",
    "\(scratch)/diagnostics/\(name).yaml", "\(scratch)/allowlist.yaml",
  ]
  for path in written {
    guard FileManager.default.createFile(atPath: path, contents: bytes) else {
      fatalError("fuzz-front-matter: cannot write \(path)")
    }
  }
  guard let loaded = try? ContentLoader.load(directory: scratch) else { return 0 }
  _ = Linter(strict: true).lint(loaded)
  let documents = loaded.library.searchDocuments
  _ = SearchIndex(documents: documents).search("connection reset by peer")
  for guide in loaded.library.guides {
    _ = guide.frontMatter.tree
    for cause in guide.frontMatter.causes { _ = guide.explanation(of: cause) }
    for step in guide.frontMatter.steps { _ = guide.text(of: step) }
  }
  return 0
}

/// The value of the input's first `id:` line as a file name (letters, digits, `-`, `_`, at most
/// 64), or `fuzz`.
func fileName(_ bytes: Data) -> String {
  let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
  for line in text.split(separator: "\n") where line.hasPrefix("id:") {
    let name = line.dropFirst(3).trimmingCharacters(in: .whitespaces).filter {
      $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
    }
    return name.isEmpty ? "fuzz" : String(name.prefix(64))
  }
  return "fuzz"
}

/// libFuzzer calls this once before reading the corpus.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  _ = scratch
  atexit { try? FileManager.default.removeItem(atPath: scratch) }
  return 0
}

#if !FUZZING
  /// Without libFuzzer: runs each file named on the command line through the target once.
  @main
  enum Replay {
    static func main() { replay(CommandLine.arguments.dropFirst(), through: fuzz) }
  }
#endif
