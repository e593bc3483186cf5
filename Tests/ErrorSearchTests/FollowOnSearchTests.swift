import Testing

@testable import ErrorSearch

/// A follow-on guide (its errors only follow another one) answers a text alone, but yields to
/// the guide of the first error when the text quotes that error too.
@Suite struct FollowOnSearchTests {
  static let documents = [
    SearchDocument(
      id: "closed", title: "Channel already closed", summary: "",
      signatures: [
        "channel is already closed due to channel error; protocol method: #method<channel.close>(reply-code="
      ], body: "", followOn: true),
    SearchDocument(
      id: "refused", title: "Channel access refused", summary: "",
      signatures: [
        "ACCESS_REFUSED - write access to exchange 'amq.topic' in vhost '/' refused for user 'app'"
      ],
      body: ""),
    SearchDocument(
      id: "missing", title: "Queue not found", summary: "",
      signatures: ["NOT_FOUND - no queue 'jobs' in vhost '/'"], body: ""),
  ]

  static let quoted =
    "channel is already closed due to channel error; protocol method: #method<channel.close>(reply-code=403, reply-text=ACCESS_REFUSED - write access to exchange 'amq.topic' in vhost 'orders' refused for user 'billing', class-id=60, method-id=40)"

  @Test func theFollowOnTextAloneNamesTheFollowOnGuide() {
    let outcome = SearchIndex(documents: Self.documents).search(
      "channel is already closed due to channel error; protocol method: #method<channel.close>(reply-code=200)"
    )
    #expect(outcome.results.first?.id == "closed")
    #expect(outcome.confident)
  }

  @Test func aQuotedFirstErrorComesFirstAndIsConfident() {
    let outcome = SearchIndex(documents: Self.documents).search(Self.quoted)
    #expect(outcome.results.map(\.id).prefix(2) == ["refused", "closed"])
    #expect(outcome.confident)
  }

  @Test func withoutTheFollowOnMarkTheLongerMatchWins() {
    // The same guides with nothing marked: the rule, not the words, decides.
    let unmarked = Self.documents.map { document -> SearchDocument in
      var document = document
      document.followOn = false
      return document
    }
    #expect(SearchIndex(documents: unmarked).search(Self.quoted).results.first?.id == "closed")
  }
}
