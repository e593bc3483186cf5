import Foundation
import Logging
import MCP

/// The stdio transport of the server: newline-delimited JSON-RPC messages, read on a thread of
/// its own in 64 KiB chunks, where each byte is looked at once (the SDK's `StdioTransport`
/// searches the whole pending buffer again after every 4 KiB, which takes minutes for one
/// 10 MB message). A message longer than `maximumMessage` bytes is skipped with a log line.
/// When the client closes its end, requests already read are still answered (for up to 30 s)
/// before the stream ends.
actor LineTransport: Transport {
  nonisolated let logger = Logger(
    label: "rmq-doctor.mcp", factory: { _ in SwiftLogNoOpLogHandler() })
  private let input: Int32
  private let output: Int32
  private let maximumMessage: Int
  private let stream: AsyncThrowingStream<Data, Swift.Error>
  private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
  /// The ids of the requests read and not yet answered. A response with no id of a request (the
  /// parse error answered with `"id": null`) answers none of them.
  private var unanswered: Set<String> = []

  init(input: Int32, output: Int32, maximumMessage: Int = 64 << 20) {
    self.input = input
    self.output = output
    self.maximumMessage = maximumMessage
    (stream, continuation) = AsyncThrowingStream.makeStream()
  }

  func connect() async throws {
    let (input, limit) = (input, maximumMessage)
    let reader = Thread {
      Self.readLines(from: input, limit: limit) { line in
        let semaphore = DispatchSemaphore(value: 0)
        Task {
          await self.received(line)
          semaphore.signal()
        }
        semaphore.wait()
      }
      Task { await self.inputEnded() }
    }
    reader.start()
  }

  /// Passes a line on, noting the ids of requests (messages with a method and an id).
  private func received(_ line: Data?) {
    guard let line else { return }
    if case .request(let id) = Self.kind(of: line) { unanswered.insert(id) }
    continuation.yield(line)
  }

  /// Ends the stream once every request read has its response, or after 30 s.
  private func inputEnded() async {
    for _ in 0..<3000 where !unanswered.isEmpty {
      try? await Task.sleep(for: .milliseconds(10))
    }
    continuation.finish()
  }

  /// A message's kind, with its id as JSON text (`1`, `"a"`) for requests and responses.
  private enum Kind: Equatable {
    case request(String)
    case response(String)
    case other
  }

  private static func kind(of message: Data) -> Kind {
    guard let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any],
      let id = object["id"], !(id is NSNull)
    else { return .other }
    let key = (id as? String).map { "\"\($0)\"" } ?? "\(id)"
    return object["method"] != nil ? .request(key) : .response(key)
  }

  func disconnect() async { continuation.finish() }

  func receive() -> AsyncThrowingStream<Data, Swift.Error> { stream }

  func send(_ data: Data) async throws {
    if case .response(let id) = Self.kind(of: data) { unanswered.remove(id) }
    var message = data
    message.append(UInt8(ascii: "\n"))
    try message.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(output, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
        if written < 0 {
          if errno == EINTR || errno == EAGAIN { continue }
          throw ProtocolOutput.Failure(step: "write a message", code: errno)
        }
        offset += written
      }
    }
  }

  /// Reads `input` to its end, yielding each non-empty line.
  private static func readLines(from input: Int32, limit: Int, yield: (Data?) -> Void) {
    var pending = Data()
    var skipping = false
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      var start = 0
      while let newline = chunk[start..<count].firstIndex(of: UInt8(ascii: "\n")) {
        if !skipping { pending.append(contentsOf: chunk[start..<newline]) }
        if !pending.isEmpty { yield(pending) }
        pending = Data()
        skipping = false
        start = newline + 1
      }
      if !skipping { pending.append(contentsOf: chunk[start..<count]) }
      if pending.count > limit {
        ServerLog.note("skipped a message longer than \(limit) bytes")
        pending = Data()
        skipping = true
      }
    }
  }
}
