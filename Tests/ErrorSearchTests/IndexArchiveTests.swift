import Testing

@testable import ErrorSearch

@Suite struct IndexArchiveTests {
  let documents = [
    SearchDocument(
      id: "alpha", title: "Alpha\twith a tab and a \\ backslash",
      summary: "What alpha is.", signatures: ["{socket_error,econnreset}", "Line one\nline two"],
      body: "Reset by peer. Reset again, and a café."),
    SearchDocument(
      id: "beta", title: "Beta", summary: "", signatures: [], body: "heartbeat timeout"),
    SearchDocument(
      id: "gamma", title: "Gamma", summary: "", signatures: ["channel is closed"], body: "",
      followOn: true),
  ]

  @Test func whatIsWrittenReadsBackTheSame() throws {
    let built = SearchIndex(documents: documents)
    let text = IndexArchive.write(built)
    #expect(text.hasPrefix(IndexArchive.header + "\n"))
    let loaded = try IndexArchive.read(text)
    #expect(loaded.documents == built.documents)
    #expect(loaded.documents == documents.map(PreparedDocument.init))
    #expect(loaded.guides == built.guides)
    #expect(loaded.guides.map(\.followOn) == [false, false, true])
    #expect(IndexArchive.write(loaded) == text)
  }

  @Test func aLoadedIndexAnswersLikeABuiltOne() throws {
    let built = SearchIndex(documents: documents)
    let loaded = try IndexArchive.read(IndexArchive.write(built))
    for query in [
      "socket_error econnreset", "heartbeat", "café", "nothing at all", "Line one line two reset",
    ] {
      #expect(loaded.search(query) == built.search(query))
    }
    #expect(loaded.browserData == built.browserData)
  }

  static let words = "rmq-doctor search index 3\nwords\tone two\n"

  @Test(arguments: [
    ("", 1), ("another header\n", 1),
    ("rmq-doctor search index 2\ndoc\ta\tA\t3\t-\n", 1),
    ("rmq-doctor search index 3\ndoc\ta\tA\t3\t-\n", 2),
    ("rmq-doctor search index 3\nwords\tone one\n", 2),
    (words + "sig\tno document yet\t0\n", 3),
    (words + "doc\ta\tA\tlong\t-\n", 3),
    (words + "doc\ta\tA\t3\tmaybe\n", 3),
    (words + "doc\ta\tA\t3\n", 3),
    (words + "doc\ta\tA\t3\t-\nterms\t0:x\n", 4),
    (words + "doc\ta\tA\t3\t-\nterms\t0:0\n", 4),
    (words + "doc\ta\tA\t3\t-\nterms\t2:1\n", 4),
    (words + "doc\ta\tA\t3\t-\nterms\t1:1 0:1\n", 4),
    (words + "doc\ta\tA\t3\t-\nterms\t1:1 1:2\n", 4),
    (words + "doc\ta\tA\t3\t-\nterms\t0:1\nterms\t1:1\n", 5),
    (words + "doc\ta\tA\t3\t-\nsig\ttext\t\n", 4),
    (words + "doc\ta\tA\t3\t-\nsig\ttext\t0 7\n", 4),
    (words + "doc\ta\tA\t3\t-\nwords\tthree\n", 4),
    (words + "doc\ta\tA\t3\t-\nwhat\n", 4),
  ])
  func damagedArchivesNameTheLine(text: String, line: Int) {
    #expect(throws: IndexArchive.FormatError.self) { try IndexArchive.read(text) }
    do { _ = try IndexArchive.read(text) } catch { #expect(error.line == line) }
  }
}
