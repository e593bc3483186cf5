import ErrorSearch

extension ContentLibrary {
  /// The guides as the error search sees them: messages from the front-matter, prose from the
  /// body. The command line and the HTML export index exactly these.
  public var searchDocuments: [SearchDocument] {
    guides.map { guide in
      SearchDocument(
        id: guide.id, title: guide.title, summary: guide.frontMatter.summary,
        signatures: guide.frontMatter.errors.map(\.text), body: guide.body.plainText)
    }
  }
}
