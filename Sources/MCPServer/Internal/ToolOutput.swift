import Foundation
import MCP

/// Tool results: the answer's object as JSON text and as structured content, cut to a size.
enum ToolOutput {
  /// The result of `answer`: its summary (if any) and its JSON as text, and the same JSON as
  /// structured content. A result longer than `limit` bytes is cut, with a note saying so,
  /// and carries no structured content.
  static func result(_ answer: ToolAnswer, limit: Int) throws -> CallTool.Result {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(answer.value)
    let json = String(decoding: data, as: UTF8.self)
    let size = data.count + (answer.summary?.utf8.count ?? 0)
    guard size <= limit else {
      let note = """

        [cut by rmq-doctor: this result is \(size) bytes and a tool result is at most \(limit); \
        ask for less: a section of a guide, fewer files, a time window or a smaller limit]
        """
      let room = max(0, limit - note.utf8.count)
      let text = (answer.summary ?? "") + json
      let cut: [Tool.Content] = [
        .text(text: prefix(text, bytes: room) + note, annotations: nil, _meta: nil)
      ]
      return CallTool.Result(content: cut, structuredContent: Value?.none)
    }
    var content: [Tool.Content] = []
    if let summary = answer.summary {
      content.append(.text(text: summary, annotations: nil, _meta: nil))
    }
    content.append(.text(text: json, annotations: nil, _meta: nil))
    let structured = try JSONDecoder().decode(Value.self, from: data)
    return CallTool.Result(content: content, structuredContent: Value?.some(structured))
  }

  /// A failed call: one sentence, marked as an error.
  static func failure(_ error: ToolError) -> CallTool.Result {
    let message: [Tool.Content] = [.text(text: error.description, annotations: nil, _meta: nil)]
    return CallTool.Result(content: message, structuredContent: Value?.none, isError: true)
  }

  /// The longest prefix of `text` within `bytes` UTF-8 bytes, cut between characters.
  static func prefix(_ text: String, bytes: Int) -> String {
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      let width = text[index].utf8.count
      if used + width > bytes { break }
      used += width
      end = text.index(after: index)
    }
    return String(text[..<end])
  }
}
