import GuideKit
import MCP

extension DoctorTool {
  /// `list_guides`: `rmq-doctor list --json`, optionally of one tag.
  static let listGuides = DoctorTool(
    name: "list_guides",
    description:
      "List the guides: id, title, summary and tags of each, optionally only those with a tag.",
    properties: ["tag": .object(["type": "string", "description": "Only guides with this tag."])]
  ) { arguments, toolbox in
    let tag = try arguments.string("tag")
    let guides = toolbox.library.guides.filter {
      tag == nil || $0.frontMatter.tags.contains(tag ?? "")
    }
    return ToolAnswer(GuideList(guides: guides.map(GuideListEntry.init)))
  }

  /// `get_guide`: a guide's Markdown and structured front-matter, or one section of it.
  static let getGuide = DoctorTool(
    name: "get_guide",
    description: """
      Read one guide. Without a section: its Markdown and its structured record (what \
      'rmq-doctor show ID --format json' prints). With a section: only causes (each with its \
      explanation), steps (the resolution steps of one cause, given as cause), faq, errors (the \
      exact messages it explains) or diagnostics (the read-only commands it uses).
      """,
    properties: [
      "id": .object(["type": "string", "description": "The guide's id, as list_guides gives it."]),
      "section": .object([
        "type": "string", "enum": .array(GuideSection.allCases.map { .string($0.rawValue) }),
      ]),
      "cause": .object(["type": "string", "description": "With section steps: the cause's id."]),
    ],
    required: ["id"]
  ) { arguments, toolbox in
    let guide = try toolbox.guide(try arguments.requiredString("id"), tool: arguments.tool)
    let section = try arguments.choice("section", among: GuideSection.allCases.map(\.rawValue))
      .flatMap(GuideSection.init(rawValue:))
    let cause = try arguments.string("cause")
    if cause != nil && section != .steps {
      throw ToolError(tool: arguments.tool, argument: "cause", "give cause only with section steps")
    }
    guard let section else {
      return ToolAnswer(
        GuideAnswer(id: guide.id, markdown: guide.markdownDocument, record: GuideRecord(guide)))
    }
    return ToolAnswer(
      try section.answer(for: guide, cause: cause, library: toolbox.library, tool: arguments.tool))
  }
}

extension Toolbox {
  /// The guide `id`, or an error that names the closest id.
  func guide(_ id: String, tool: String, argument: String = "id") throws -> Guide {
    if let guide = library.guide(id) { return guide }
    let hint =
      Suggestion.closest(to: id, among: library.guides.map(\.id)).map { "; did you mean '\($0)'?" }
      ?? "; list_guides gives the ids"
    throw ToolError(tool: tool, argument: argument, "there is no guide '\(id.prefix(80))'\(hint)")
  }
}

/// `list_guides`' answer.
struct GuideList: Encodable {
  var guides: [GuideListEntry]
}

/// `get_guide`'s answer without a section.
struct GuideAnswer: Encodable {
  var id: String
  var markdown: String
  var record: GuideRecord
}
