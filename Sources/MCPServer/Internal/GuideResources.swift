import GuideKit
import MCP

/// The resources: each guide as `guide://<id>` (Markdown) and the error-string index.
enum GuideResources {
  static let errorIndexURI = "rmq-doctor://errors"

  static func list(_ library: ContentLibrary) -> [Resource] {
    library.guides.map {
      Resource(
        name: $0.id, uri: "guide://\($0.id)", title: $0.title, description: $0.frontMatter.summary,
        mimeType: "text/markdown")
    } + [
      Resource(
        name: "errors", uri: errorIndexURI, title: "Error-string index",
        description: "Every exact error message the guides explain, with its guide.",
        mimeType: "application/json")
    ]
  }

  /// One entry of the error-string index.
  struct IndexEntry: Encodable {
    var guide: String
    var signature: ErrorSignature

    enum CodingKeys: CodingKey { case guide }

    func encode(to encoder: any Encoder) throws {
      try signature.encode(to: encoder)
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(guide, forKey: .guide)
    }
  }

  static func read(_ uri: String, toolbox: Toolbox) throws -> ReadResource.Result {
    if uri == errorIndexURI {
      let entries = toolbox.library.guides.flatMap { guide in
        guide.frontMatter.errors.map { IndexEntry(guide: guide.id, signature: $0) }
      }
      let answer = try ToolOutput.result(ToolAnswer(entries), limit: Int.max)
      guard case .text(let json, _, _) = answer.content.last else {
        throw MCPError.internalError("no JSON")
      }
      return .init(contents: [.text(json, uri: uri, mimeType: "application/json")])
    }
    let prefix = "guide://"
    guard uri.hasPrefix(prefix) else {
      throw MCPError.invalidParams(
        "no resource '\(uri.prefix(120))'; the resources are guide://<id> and \(errorIndexURI)")
    }
    let id = String(uri.dropFirst(prefix.count))
    guard let guide = toolbox.library.guide(id) else {
      let hint =
        Suggestion.closest(to: id, among: toolbox.library.guides.map(\.id)).map {
          "; did you mean guide://\($0)?"
        } ?? ""
      throw MCPError.invalidParams("no guide '\(id.prefix(80))'\(hint)")
    }
    return .init(contents: [.text(guide.markdownDocument, uri: uri, mimeType: "text/markdown")])
  }
}
