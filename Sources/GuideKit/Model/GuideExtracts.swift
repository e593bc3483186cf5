import CommonMark

/// A question and answer from a guide's FAQ.
public struct FAQEntry: Codable, Sendable, Hashable {
  /// The question, from its `###` heading.
  public var question: String
  /// The answer, as Markdown.
  public var answer: String
  /// The file line of the question's heading.
  public var line: Int
}

/// A command block from a guide's "Diagnostic commands" section.
public struct CommandBlock: Codable, Sendable, Hashable {
  /// The paragraph before the block, as plain text.
  public var description: String
  /// The fence's info string (`sh`, `console`, ...).
  public var language: String
  /// The commands.
  public var code: String
  /// The file line of the block.
  public var line: Int
}

extension GuideBody {
  /// The FAQ entries: each `###` heading under "FAQ" with the blocks under it as the answer.
  public var faq: [FAQEntry] {
    guard let section = section("FAQ") else { return [] }
    return section.subsections.map { entry in
      FAQEntry(
        question: entry.title, answer: document.sourceText(of: entry.blocks),
        line: fileLine(entry.heading.range.startLine))
    }
  }

  /// The code blocks under "Diagnostic commands", each with the paragraph before it.
  public var commandBlocks: [CommandBlock] {
    guard let section = section("Diagnostic commands") else { return [] }
    var result: [CommandBlock] = []
    var lastParagraph = ""
    for block in section.blocks {
      switch block.kind {
      case .paragraph(let content):
        lastParagraph = content.plainText
      case .codeBlock(let info, let code):
        result.append(
          CommandBlock(
            description: lastParagraph, language: info, code: code,
            line: fileLine(block.range.startLine)))
        lastParagraph = ""
      case .heading:
        lastParagraph = ""
      default:
        break
      }
    }
    return result
  }

  /// The Markdown under the `###` heading `title` in the section `sectionTitle`.
  public func subsectionMarkdown(_ title: String, in sectionTitle: String) -> String? {
    guard let subsection = section(sectionTitle)?.subsection(title) else { return nil }
    return document.sourceText(of: subsection.blocks)
  }
}
