import Testing

@testable import ErrorSearch

/// When no guide explains a text with confidence, the guides listed as closest share more with
/// it than the words most guides use: a message matched half way, or a word whose inverse
/// document frequency reaches ``SearchIndex/Parameters/closestWordWeight``.
@Suite struct ClosestGuidesTests {
  /// Six guides that all talk about closed connections and vhosts; one about heartbeats, one
  /// about TLS certificates.
  static let documents: [SearchDocument] = {
    var documents = (1...6).map { number in
      SearchDocument(
        id: "common-\(number)", title: "Guide \(number)",
        summary: "A connection was closed in a vhost and refused.",
        signatures: ["reply-text \(number)"], body: "connection closed vhost refused")
    }
    documents.append(
      SearchDocument(
        id: "heartbeats", title: "Missed heartbeats",
        summary: "The connection closed after missed heartbeats.",
        signatures: ["missed heartbeats from client"],
        body: "connection closed vhost refused heartbeats"))
    documents.append(
      SearchDocument(
        id: "certificates", title: "TLS certificates",
        summary: "A certificate the peer does not trust.",
        signatures: ["certificate verify failed"], body: "connection closed tls certificate chain"))
    return documents
  }()

  @Test func commonWordsAloneListNothing() {
    let outcome = SearchIndex(documents: Self.documents).search("connection closed: vhost refused")
    #expect(!outcome.confident)
    #expect(outcome.results.isEmpty, "\(outcome.results.map(\.id))")
  }

  @Test func aGuideSharingARareWordIsListed() {
    let outcome = SearchIndex(documents: Self.documents).search(
      "connection closed in vhost: heartbeats")
    #expect(!outcome.confident)
    #expect(outcome.results.map(\.id) == ["heartbeats"])
  }

  @Test func aMessageMatchedHalfWayIsListed() {
    let outcome = SearchIndex(documents: Self.documents).search("certificate verify")
    #expect(outcome.results.first?.id == "certificates")
  }
}
