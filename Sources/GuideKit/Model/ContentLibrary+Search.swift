import ErrorSearch
import _Parallel

extension ContentLibrary {
  /// The guides as the error search sees them: messages from the front-matter, prose from the
  /// body. The command line and the HTML export index exactly these.
  public var searchDocuments: [SearchDocument] {
    // The bodies' plain text is made on every core, in the guides' order.
    guides.concurrentMap { guide in
      SearchDocument(
        id: guide.id, title: guide.title, summary: guide.frontMatter.summary,
        signatures: guide.frontMatter.errors.map(\.text), body: guide.body.plainText,
        followOn: guide.frontMatter.followOn == true)
    }
  }
}
