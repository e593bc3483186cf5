import Foundation
import RequestPolicy
import TestSupport
import Testing

/// Whether a GET may be sent: declared paths and query keys only, plain paths only, and never
/// the aliveness test.
@Suite struct HTTPGetPolicyTests {
  /// The paths and keys of the shipped allow-list (`Content/allowlist.yaml`), and the aliveness
  /// test listed as well, to show that listing it does not allow it.
  static let policy = HTTPGetPolicy(
    paths: [
      "/api/overview", "/api/nodes", "/api/connections", "/api/health/checks/alarms",
      "/api/health/checks/certificate-expiration/1/months", "/api/aliveness-test",
      "/api/aliveness-test/%2F",
    ],
    queryKeys: ["columns", "page", "page_size"])

  @Test(arguments: [
    "/api/overview", "/api/nodes?columns=name,running,partitions",
    "/api/connections?columns=name,timeout&page=2&page_size=500",
    "/api/health/checks/alarms", "/api/health/checks/certificate-expiration/1/months",
    "/api/nodes?", "/api/nodes?columns",
    "/api/connections?page=1&&page_size=1",
  ])
  func anAllowedPathAndKeysMayBeRead(target: String) {
    #expect(Self.policy.refusal(of: target) == nil)
  }

  /// The shipped catalogue's targets, with the pages the client adds, pass the shipped policy.
  @Test func theShippedCatalogueTargetsMayBeRead() throws {
    let catalogue = Fixtures.content.appendingPathComponent("diagnostics")
    let files = try FileManager.default.contentsOfDirectory(atPath: catalogue.path).filter {
      $0.hasPrefix("api-")
    }
    #expect(files.count == 8)
    let allowList = try String(
      contentsOf: Fixtures.content.appendingPathComponent("allowlist.yaml"), encoding: .utf8)
    #expect(allowList.contains("query_keys: [columns, page, page_size]"))
    for file in files {
      let text = try String(contentsOf: catalogue.appendingPathComponent(file), encoding: .utf8)
      let line = try #require(
        text.split(separator: "\n").first { $0.hasPrefix("http_get: ") }, "\(file)")
      let target = String(line.dropFirst("http_get: ".count))
      let (path, _) = HTTPGetPolicy.split(target)
      #expect(allowList.contains(path), "\(file): \(path)")
      let policy = HTTPGetPolicy(paths: [path], queryKeys: ["columns", "page", "page_size"])
      #expect(policy.refusal(of: target) == nil, "\(file)")
      #expect(
        policy.refusal(of: target + (target.contains("?") ? "&" : "?") + "page=3&page_size=500")
          == nil, "\(file)")
    }
  }

  @Test(arguments: [
    "/api/queues", "/api/users", "/api/definitions", "/api/nodes/rabbit", "/api/overview/",
    "/api/Overview",
  ])
  func aPathNotListedIsRefused(target: String) throws {
    let refusal = try #require(Self.policy.refusal(of: target), "\(target) was allowed")
    #expect(refusal == "\(target) is not among the management API paths the allow-list declares")
  }

  @Test(arguments: [
    "/api/../api/overview", "/api/nodes/..", "/api/./overview", "/api/health/checks/../../overview",
  ])
  func dotSegmentsAreRefused(target: String) throws {
    let refusal = try #require(Self.policy.refusal(of: target), "\(target) was allowed")
    #expect(refusal.hasSuffix("is not a normalised path"), "\(refusal)")
  }

  @Test(arguments: ["/api//overview", "/api/health//checks/alarms", "/api/overview//"])
  func doubleSlashesAreRefused(target: String) throws {
    let refusal = try #require(Self.policy.refusal(of: target), "\(target) was allowed")
    #expect(refusal == "\(target) is not a normalised path")
  }

  @Test(arguments: [
    "//api/overview", "/overview", "api/overview", "", "http://other.example/api/overview",
    "/API/overview",
  ])
  func aPathOutsideAPIIsRefused(target: String) throws {
    let refusal = try #require(Self.policy.refusal(of: target), "\(target) was allowed")
    #expect(refusal.hasSuffix("is not a management API path (/api/...)"), "\(refusal)")
  }

  /// Percent signs would let an encoded `..` or `/` through, and no allowed path needs one; nor
  /// spaces, non-ASCII letters or other punctuation.
  @Test(arguments: [
    "/api/aliveness-test/%2F", "/api/%2e%2e/overview", "/api/overview%00", "/api/n%6Fdes",
    "/api/nödes",
    "/api/over view", "/api/overview;x", "/api/nodes/rabbit@localhost",
    "/api/overview\r\nX-Injected: 1",
  ])
  func unusualCharactersAreRefused(target: String) throws {
    let refusal = try #require(
      Self.policy.refusal(of: target), "\(target.debugDescription) was allowed")
    #expect(refusal.hasSuffix("holds characters an API path here never needs"), "\(refusal)")
  }

  @Test(arguments: [
    ("/api/nodes?sort=name", "sort"), ("/api/nodes?columns=name&sort=name", "sort"),
    ("/api/overview?disable_stats=true", "disable_stats"),
    ("/api/connections?page=1&lengths_age=60", "lengths_age"),
    ("/api/nodes?=name", ""), ("/api/nodes?Columns=name", "Columns"),
  ])
  func aQueryKeyNotListedIsRefused(target: String, key: String) throws {
    let refusal = try #require(Self.policy.refusal(of: target), "\(target) was allowed")
    #expect(refusal == "query key '\(key)' is not among those the allow-list declares")
  }

  @Test(arguments: [
    "/api/aliveness-test", "/api/aliveness-test/vhost", "/api/aliveness-test/vhost?columns=x",
  ])
  func theAlivenessTestIsRefusedEvenWhenListed(target: String) throws {
    #expect(Self.policy.paths.contains("/api/aliveness-test"))
    let refusal = try #require(Self.policy.refusal(of: target), "\(target) was allowed")
    #expect(refusal.contains("acts on the broker"), "\(refusal)")
    #expect(HTTPGetPolicy.actingPaths == ["/api/aliveness-test"])
    // A longer name that merely starts the same is not the aliveness test; it is refused as unlisted.
    #expect(Self.policy.refusal(of: "/api/aliveness-tests")?.contains("is not among") == true)
  }

  @Test func anEmptyPolicyAllowsNothing() {
    let none = HTTPGetPolicy(paths: [], queryKeys: [])
    #expect(none.refusal(of: "/api/overview") != nil)
    #expect(
      HTTPGetPolicy(paths: ["/api/nodes"], queryKeys: []).refusal(of: "/api/nodes?columns=name")
        != nil)
    #expect(HTTPGetPolicy(paths: ["/api/nodes"], queryKeys: []).refusal(of: "/api/nodes") == nil)
  }

  @Test func aTargetSplitsAtTheFirstQuestionMark() {
    #expect(HTTPGetPolicy.split("/api/nodes?columns=name?x") == ("/api/nodes", "columns=name?x"))
    #expect(HTTPGetPolicy.split("/api/nodes") == ("/api/nodes", ""))
    #expect(HTTPGetPolicy.split("/api/nodes?") == ("/api/nodes", ""))
  }
}
