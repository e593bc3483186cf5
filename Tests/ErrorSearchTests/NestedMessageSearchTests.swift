import Testing

@testable import ErrorSearch

/// A guide whose message is nested in the best match's (each of its words in the text is a word
/// of the longer message too) does not take the best match's confidence away: it says less
/// about the same words. A message with a word of its own in the text still competes.
@Suite struct NestedMessageSearchTests {
  static let documents = [
    SearchDocument(
      id: "abrupt", title: "Client closed the TCP connection",
      summary:
        "The broker's view of a socket the client closed abruptly, during the opening handshake or later.",
      signatures: ["client unexpectedly closed TCP connection", "connection_closed_abruptly"],
      body: ""),
    SearchDocument(
      id: "opening", title: "A connection closed with no reason",
      summary:
        "The client's view of a socket closed abruptly, during the opening handshake or later.",
      signatures: ["Socket closed abruptly during opening handshake"], body: ""),
    SearchDocument(
      id: "reset", title: "Connection reset by peer", summary: "",
      signatures: ["Connection reset by peer"], body: ""),
    SearchDocument(
      id: "refused", title: "Connection refused", summary: "", signatures: ["connect ECONNREFUSED"],
      body: ""),
  ]

  @Test func theLongerMessageIsConfidentOverTheNestedOne() {
    let outcome = SearchIndex(documents: Self.documents).search(
      "Error: Socket closed abruptly during opening handshake")
    #expect(outcome.results.map(\.id).prefix(2) == ["opening", "abrupt"])
    #expect(outcome.confident)
  }

  /// Without the rule the two messages tie on their signature score and the margin is the
  /// full-text score alone, too little to be sure: the rule is what decides.
  @Test func bothMessagesMatchFully() {
    let outcome = SearchIndex(documents: Self.documents).search(
      "Error: Socket closed abruptly during opening handshake")
    #expect(outcome.results.prefix(2).map(\.signatureScore) == [1, 1])
    #expect(
      outcome.results[0].score - outcome.results[1].score < SearchIndex.Parameters().confidentMargin
    )
  }

  @Test func aRunnerUpWithAWordOfItsOwnInTheTextStillCompetes() {
    let outcome = SearchIndex(documents: Self.documents).search(
      "client unexpectedly closed TCP connection; Socket closed abruptly during opening handshake")
    #expect(Set(outcome.results.map(\.id).prefix(2)) == ["opening", "abrupt"])
    #expect(!outcome.confident)
  }
}
