import CommonMark

/// A guide's Markdown body, parsed by cmark and cut into its `##` sections.
public struct GuideBody: Sendable, Hashable {
  /// The parsed Markdown.
  public let document: MarkdownDocument
  /// Lines of the file before the body (the front-matter), added to cmark's line numbers.
  public let lineOffset: Int
  /// The `##` sections in order.
  public let sections: [BodySection]

  /// The sections every guide has, in this order.
  public static let requiredSections = [
    "Exact error message", "What it means", "Common causes", "How to reproduce",
    "Diagnostic commands", "Step-by-step resolution", "Prevention", "Related errors", "FAQ",
  ]

  /// Parses `markdown`, which starts at line `lineOffset + 1` of its file.
  public init(markdown: String, lineOffset: Int) {
    self.document = MarkdownDocument(parsing: markdown)
    self.lineOffset = lineOffset
    self.sections = BodySection.split(document.blocks, level: 2)
  }

  /// The section titled `title` (compared without regard to case).
  public func section(_ title: String) -> BodySection? {
    sections.first { $0.title.lowercased() == title.lowercased() }
  }

  /// The file line of a body line.
  public func fileLine(_ bodyLine: Int) -> Int { bodyLine + lineOffset }
}

/// A heading and the blocks under it, up to the next heading of the same or a higher level.
public struct BodySection: Sendable, Hashable {
  /// The heading's text.
  public var title: String
  /// The heading block.
  public var heading: Block
  /// The blocks under the heading, subsections included.
  public var blocks: [Block]
  /// The blocks before the first subheading.
  public var introduction: [Block]
  /// The subsections one level down.
  public var subsections: [BodySection]

  /// Cuts `blocks` into sections at headings of `level`; blocks before the first such heading
  /// are dropped (the caller keeps them if it needs them).
  static func split(_ blocks: [Block], level: Int) -> [BodySection] {
    var sections: [BodySection] = []
    for block in blocks {
      if case .heading(let headingLevel, let content) = block.kind, headingLevel <= level {
        if headingLevel == level {
          sections.append(
            BodySection(
              title: content.plainText, heading: block, blocks: [], introduction: [],
              subsections: []))
          continue
        }
      }
      if !sections.isEmpty { sections[sections.count - 1].blocks.append(block) }
    }
    return sections.map { section in
      var section = section
      section.introduction = Array(
        section.blocks.prefix { block in
          if case .heading = block.kind { return false }
          return true
        })
      section.subsections = split(section.blocks, level: level + 1)
      return section
    }
  }

  /// The subsection titled exactly `title`.
  public func subsection(_ title: String) -> BodySection? {
    subsections.first { $0.title == title }
  }
}
