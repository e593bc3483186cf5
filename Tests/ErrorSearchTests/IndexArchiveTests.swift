import Testing

@testable import ErrorSearch

@Suite struct IndexArchiveTests {
  let documents = [
    SearchDocument(
      id: "alpha", title: "Alpha\twith a tab and a \\ backslash",
      summary: "What alpha is.", signatures: ["{socket_error,econnreset}", "Line one\nline two"],
      body: "Reset by peer. Reset again, and a café."),
    SearchDocument(id: "beta", title: "Beta", summary: "", signatures: [], body: "heartbeat timeout"),
    SearchDocument(
      id: "gamma", title: "Gamma", summary: "", signatures: ["channel is closed"], body: "", followOn: true),
  ]

  @Test func whatIsWrittenReadsBackTheSame() throws {
    let prepared = documents.map(PreparedDocument.init)
    let text = IndexArchive.write(prepared)
    #expect(text.hasPrefix(IndexArchive.header + "\n"))
    #expect(try IndexArchive.read(text) == prepared)
    #expect(try IndexArchive.read(text).map(\.followOn) == [false, false, true])
  }

  @Test func aLoadedIndexAnswersLikeABuiltOne() throws {
    let built = SearchIndex(documents: documents)
    let loaded = SearchIndex(prepared: try IndexArchive.read(IndexArchive.write(built.documents)))
    for query in ["socket_error econnreset", "heartbeat", "café", "nothing at all"] {
      #expect(loaded.search(query) == built.search(query))
    }
  }

  @Test(arguments: [
    ("", 1), ("another header\n", 1),
    ("rmq-doctor search index 1\ndoc\ta\tA\t3\t-\n", 1),
    ("rmq-doctor search index 2\nsig\tno document yet\tword\n", 2),
    ("rmq-doctor search index 2\ndoc\ta\tA\tlong\t-\n", 2),
    ("rmq-doctor search index 2\ndoc\ta\tA\t3\tmaybe\n", 2),
    ("rmq-doctor search index 2\ndoc\ta\tA\t3\n", 2),
    ("rmq-doctor search index 2\ndoc\ta\tA\t3\t-\nterms\tword:x\n", 3),
    ("rmq-doctor search index 2\ndoc\ta\tA\t3\t-\nwhat\n", 3),
  ])
  func damagedArchivesNameTheLine(text: String, line: Int) {
    #expect(throws: IndexArchive.FormatError.self) { try IndexArchive.read(text) }
    do { _ = try IndexArchive.read(text) } catch { #expect(error.line == line) }
  }
}
