import Foundation
import Testing

/// The saved search index changes how fast an answer comes, never the answer.
@Suite struct SearchCacheTests {
  let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("rmq-doctor-cache-\(UUID().uuidString)")

  func copyOfShippedContent() throws -> String {
    let path = scratch.appendingPathComponent("Content").path
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Binary.shippedContent, toPath: path)
    return path
  }

  func search(_ text: String, content: String, cache: String) throws -> Binary.Run {
    try Binary.run(
      ["search", "--json", "--content", content, text], environment: ["RMQ_DOCTOR_CACHE": cache])
  }

  func savedIndexes(in cache: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter {
      $0.hasSuffix(".index")
    }
  }

  @Test func theSavedIndexGivesTheSameAnswer() throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    let cache = scratch.appendingPathComponent("cache").path
    let line =
      "closing AMQP connection <0.1.0> (10.0.0.1:1 -> 10.0.0.2:5672): {handshake_timeout,handshake}"
    let uncached = try Binary.run(["search", "--json", "--content", Binary.shippedContent, line])
    let first = try search(line, content: Binary.shippedContent, cache: cache)
    #expect(savedIndexes(in: cache).count == 1)
    let second = try search(line, content: Binary.shippedContent, cache: cache)
    #expect(first.stdout == uncached.stdout)
    #expect(second.stdout == uncached.stdout)
    #expect(second.stdout.contains("\"handshake-timeout\""))
  }

  @Test func anEditedGuideIsSeenAtOnce() throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    let content = try copyOfShippedContent()
    let cache = scratch.appendingPathComponent("cache").path
    let invented = "zorblax frobnicated the quuxified socket"
    let before = try search(invented, content: content, cache: cache)
    #expect(before.status == 1)
    let guide = content + "/guides/epipe.md"
    var text = try String(contentsOfFile: guide, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "errors:\n",
      with: "errors:\n  - text: \"\(invented)\"\n    side: client\n    library: pika\n",
      options: [], range: text.range(of: "errors:\n"))
    try text.write(toFile: guide, atomically: true, encoding: .utf8)
    let after = try search(invented, content: content, cache: cache)
    #expect(after.status == 0, "\(after.stdout)")
    #expect(after.stdout.contains("\"epipe\""))
  }

  @Test func aDamagedIndexIsRebuilt() throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    let cache = scratch.appendingPathComponent("cache").path
    let line = "{inet_error,ehostunreach}"
    let first = try search(line, content: Binary.shippedContent, cache: cache)
    let file = try #require(savedIndexes(in: cache).first)
    let saved = try String(contentsOfFile: cache + "/" + file, encoding: .utf8)
    let damaged = saved.prefix(while: { $0 != "\n" }) + "\nrmq-doctor search index 1\ndoc\tbroken\n"
    try damaged.write(toFile: cache + "/" + file, atomically: true, encoding: .utf8)
    let second = try search(line, content: Binary.shippedContent, cache: cache)
    #expect(second.stdout == first.stdout)
    #expect(second.stderr.isEmpty)
    #expect(try String(contentsOfFile: cache + "/" + file, encoding: .utf8) == saved)
  }

  @Test func anUnwritableCacheIsNoError() throws {
    let run = try search(
      "{inet_error,ehostunreach}", content: Binary.shippedContent, cache: "/dev/null/cache")
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
  }
}
