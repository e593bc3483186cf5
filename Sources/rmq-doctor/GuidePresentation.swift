import CommonMark
import Foundation
import GuideKit

/// How a guide reads as one document: title, summary, body, sources.
enum GuidePresentation {
  /// The guide as Markdown, title and summary first and the sources last.
  static func markdown(of guide: Guide) -> String { guide.markdownDocument }

  /// The guide as Markdown blocks for the terminal renderer.
  static func blocks(of guide: Guide) -> [Block] {
    MarkdownDocument(parsing: markdown(of: guide)).blocks
  }
}
