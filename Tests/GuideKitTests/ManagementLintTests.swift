import Foundation
import Testing

@testable import GuideKit

/// Lint on the management API diagnostics (`http_get`) and the allow-list's `http_get`, on a
/// copy of the shipped `Content/` with one file edited (two for the allow-list cases): the
/// shipped content lints clean, so every error comes from the edit.
@Suite struct ManagementLintTests {
  static let shipped = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Content").path

  /// A copy of `Content/` in a temporary folder.
  struct Copy {
    let directory: String

    init() throws {
      directory =
        FileManager.default.temporaryDirectory
        .appendingPathComponent("rmq-doctor-management-lint-\(UUID().uuidString)").path
      try FileManager.default.copyItem(atPath: ManagementLintTests.shipped, toPath: directory)
    }

    /// Replaces the one occurrence of `old` in `file` with `new`.
    func replace(
      _ old: String, with new: String, in file: String,
      sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
      let path = directory + "/" + file
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(
        text.components(separatedBy: old).count == 2, "'\(old)' is not in \(file) exactly once",
        sourceLocation: sourceLocation)
      let range = try #require(text.range(of: old), sourceLocation: sourceLocation)
      try text.replacingCharacters(in: range, with: new).write(
        toFile: path, atomically: true, encoding: .utf8)
    }

    /// The errors lint reports on the copy.
    func errors() throws -> [LintFinding] {
      Linter(strict: true).lint(try ContentLoader.load(directory: directory)).filter {
        $0.severity == .error
      }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
  }

  /// One edit of a file of `Content/`, and the words lint's error must contain.
  struct Edit: CustomTestStringConvertible, Sendable {
    var file: String
    var old: String
    var new: String
    var expected: String
    var testDescription: String { expected }
  }

  static let overview = "diagnostics/api-overview.yaml"
  static let nodes = "diagnostics/api-nodes.yaml"
  static let nodesTarget =
    "/api/nodes?columns=name,type,running,mem_alarm,disk_free_alarm,mem_used,mem_limit,disk_free,disk_free_limit,fd_used,fd_total,sockets_used,sockets_total,partitions,uptime"

  static let edits: [Edit] = [
    Edit(
      file: overview, old: "http_get: /api/overview\n", new: "http_get: /api/queues\n",
      expected: "/api/queues is not among the management API paths the allow-list declares"),
    Edit(
      file: overview, old: "http_get: /api/overview\n", new: "http_get: /api/overview/\n",
      expected: "/api/overview/ is not among the management API paths"),
    Edit(
      file: overview, old: "http_get: /api/overview\n", new: "http_get: /api/../api/overview\n",
      expected: "is not a normalised path"),
    Edit(
      file: overview, old: "http_get: /api/overview\n", new: "http_get: /overview\n",
      expected: "/overview is not a management API path"),
    Edit(
      file: overview, old: "http_get: /api/overview\n",
      new: "http_get: /api/overview\nargv: [rabbitmqctl, status]\n",
      expected: "give argv or http_get, not both"),
    Edit(
      file: overview, old: "runs_on: management-api\n", new: "runs_on: broker\n",
      expected: "a diagnostic with http_get runs_on management-api"),
    Edit(
      file: overview, old: "needs_root: false\n", new: "needs_root: true\n",
      expected: "reading the management API needs no root"),
    Edit(
      file: overview, old: "parser: management-overview\n", new: "parser: plain-text\n",
      expected: "http_get answers are read by a management-* parser"),
    Edit(
      file: "diagnostics/rabbitmq-status.yaml", old: "parser: plain-text\n",
      new: "parser: management-nodes\n",
      expected: "parser management-nodes reads management API answers; give http_get"),
    Edit(
      file: "diagnostics/rabbitmq-status.yaml", old: "runs_on: broker\n",
      new: "runs_on: management-api\n",
      expected: "runs_on management-api needs http_get"),
    Edit(
      file: nodes, old: "http_get: \(nodesTarget)\n", new: "http_get: \(nodesTarget)&sort=name\n",
      expected: "query key 'sort' is not among those the allow-list declares"),
    Edit(
      file: overview, old: "http_get: /api/overview\n",
      new: "http_get: /api/overview?disable_stats=true\n",
      expected: "query key 'disable_stats' is not among those the allow-list declares"),
    Edit(
      file: "allowlist.yaml", old: "paths: [/api/overview, ",
      new: "paths: [/api/overview, /api//nodes, ",
      expected: "/api//nodes is not a normalised path"),
    Edit(
      file: "allowlist.yaml", old: "paths: [/api/overview, ",
      new: "paths: [/api/overview, /api/aliveness-test/vhost, ",
      expected: "/api/aliveness-test/vhost acts on the broker"),
  ]

  @Test(arguments: edits)
  func theEditIsRejected(edit: Edit) throws {
    let copy = try Copy()
    defer { copy.remove() }
    try copy.replace(edit.old, with: edit.new, in: edit.file)
    let errors = try copy.errors()
    let matching = errors.filter { $0.message.contains(edit.expected) }
    #expect(matching.count == 1, "\(errors.map(\.description))")
    for error in matching {
      #expect(error.location.path == copy.directory + "/" + edit.file, "\(error)")
      #expect(error.location.line > 1, "\(error)")
    }
  }

  /// The aliveness test declares a queue and publishes: refused even when the allow-list lists
  /// it, in the allow-list and in the diagnostic that reads it.
  @Test(arguments: ["/api/aliveness-test/%2F", "/api/aliveness-test/vhost", "/api/aliveness-test"])
  func theAlivenessTestIsRefusedEvenWhenListed(path: String) throws {
    let copy = try Copy()
    defer { copy.remove() }
    try copy.replace(
      "paths: [/api/overview, ", with: "paths: [/api/overview, \"\(path)\", ", in: "allowlist.yaml")
    try copy.replace(
      "http_get: /api/overview\n", with: "http_get: \"\(path)\"\n", in: Self.overview)
    let errors = try copy.errors()
    let inDiagnostic = errors.filter { $0.location.path.hasSuffix(Self.overview) }
    let inAllowList = errors.filter { $0.location.path.hasSuffix("allowlist.yaml") }
    #expect(inDiagnostic.count == 1, "\(errors.map(\.description))")
    #expect(inAllowList.count == 1, "\(errors.map(\.description))")
    #expect(errors.count == 2, "\(errors.map(\.description))")
    for error in inDiagnostic + inAllowList {
      #expect(error.message.contains(path), "\(error)")
      // With %2F the path is refused for its characters before anything else.
      if !path.contains("%") { #expect(error.message.contains("acts on the broker"), "\(error)") }
    }
  }

  /// Only the listed path itself is allowed: the same path unlisted is refused.
  @Test func aPathTheAllowListDropsIsRefused() throws {
    let copy = try Copy()
    defer { copy.remove() }
    try copy.replace(
      "paths: [/api/overview, /api/nodes, ", with: "paths: [/api/overview, ", in: "allowlist.yaml")
    let errors = try copy.errors()
    #expect(errors.count == 1, "\(errors.map(\.description))")
    #expect(
      errors.first?.message.contains("/api/nodes is not among the management API paths") == true)
    #expect(errors.first?.location.path.hasSuffix(Self.nodes) == true)
  }

  /// A query key the allow-list drops is refused in the diagnostics that use it.
  @Test func aQueryKeyTheAllowListDropsIsRefused() throws {
    let copy = try Copy()
    defer { copy.remove() }
    try copy.replace(
      "query_keys: [columns, page, page_size]", with: "query_keys: [page, page_size]",
      in: "allowlist.yaml")
    let errors = try copy.errors()
    // api-nodes and api-connections ask for columns.
    #expect(
      Set(errors.map { URL(fileURLWithPath: $0.location.path).lastPathComponent }) == [
        "api-nodes.yaml", "api-connections.yaml",
      ])
    #expect(
      errors.allSatisfy { $0.message.contains("query key 'columns'") },
      "\(errors.map(\.description))")
  }

  @Test func theShippedCatalogueIsAccepted() throws {
    let copy = try Copy()
    defer { copy.remove() }
    let loaded = try ContentLoader.load(directory: copy.directory)
    let findings = Linter(strict: true).lint(loaded)
    #expect(findings.isEmpty, "\(findings.map(\.description))")
    let api = loaded.library.diagnostics.map(\.value).filter { $0.httpGet != nil }
    #expect(api.count == 8)
    #expect(
      api.allSatisfy {
        $0.runsOn == .managementAPI && $0.parser.readsManagementAPI && !$0.needsRoot
          && $0.argv.isEmpty
      })
    #expect(
      loaded.library.allowList?.value.requestPolicy.paths.contains("/api/connections") == true)
  }
}
