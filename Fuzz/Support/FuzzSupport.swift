// What the fuzz targets share: where the repository is, the shipped content loaded once, a
// `require` whose message survives a release build, LeakSanitizer's switch, and the replay
// program that a plain `swift build` makes of each target.
import Foundation
import GuideKit

/// The repository this file is in: Fuzz/Support/FuzzSupport.swift.
public let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

/// The shipped content, loaded and linted: `RMQ_DOCTOR_FUZZ_CONTENT`, else the repository's
/// Content/. A content directory that does not load stops the target, naming it.
public func loadShippedContent(target: String) -> ContentLibrary {
  let directory = ProcessInfo.processInfo.environment["RMQ_DOCTOR_FUZZ_CONTENT"] ?? repository + "/Content"
  do {
    return try ContentLoader.loadValidated(directory: directory)
  } catch {
    fatalError("\(target): cannot load the content directory \(directory): \(error)")
  }
}

/// Stops with `message` when `condition` fails; unlike `precondition`, the message is kept in a
/// release build, so that the fuzz log says which property broke.
public func require(
  _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) {
  if !condition { fatalError(message(), file: file, line: line) }
}

/// Runs `body` with LeakSanitizer ignoring what this thread allocates meanwhile (when the
/// sanitizer is linked in): what is loaded once and kept for the whole run is no leak, but LSan
/// cannot follow Swift's tagged pointers to it. (What other threads allocate, the loader's
/// `concurrentMap` workers, is left out by `leak:_dispatch_worker_thread` in Fuzz/lsan.supp.)
public func withoutLeakChecks(_ body: () -> Void) {
  typealias Switch = @convention(c) () -> Void
  let process = dlopen(nil, RTLD_NOW)
  let disable = dlsym(process, "__lsan_disable").map { unsafeBitCast($0, to: Switch.self) }
  let enable = dlsym(process, "__lsan_enable").map { unsafeBitCast($0, to: Switch.self) }
  disable?()
  body()
  enable?()
}

/// Without libFuzzer: runs each file named in `arguments` through `fuzz` once, as libFuzzer
/// would, to replay a saved input. A file that cannot be read stops with status 1.
public func replay(
  _ arguments: some Sequence<String>, through fuzz: (UnsafePointer<UInt8>, Int) -> CInt
) {
  for path in arguments {
    guard let data = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
      exit(1)
    }
    let bytes = [UInt8](data) + [0]  // never empty, so that there is a base address
    _ = bytes.withUnsafeBufferPointer { fuzz($0.baseAddress!, data.count) }
    print("\(path): ok")
  }
}
