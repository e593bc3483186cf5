import Foundation
import Testing

@testable import GuideKit

/// One edit that breaks one rule, and the words the error must contain.
struct BrokenRule: CustomTestStringConvertible, Sendable {
  var file: String
  var old: String
  var new: String
  var expected: String

  var testDescription: String { expected }
}

@Suite struct LintRuleTests {
  static let alpha = "guides/alpha.md"
  static let diagnostic = "diagnostics/list-connections.yaml"

  static let treeRules: [BrokenRule] = [
    BrokenRule(
      file: alpha, old: "start: first", new: "start: frist",
      expected: "tree start 'frist' is not a node; did you mean 'first'?"),
    BrokenRule(
      file: alpha, old: "question: alpha-local", new: "question: nowhere",
      expected: "asks unknown question 'nowhere'"),
    BrokenRule(
      file: alpha, old: "\"no\": { next: second }", new: "\"no\": { next: third }",
      expected: "leads to unknown node 'third'"),
    BrokenRule(
      file: alpha, old: "\"yes\": { cause: something-else }", new: "\"yes\": { cause: nothing }",
      expected: "leads to unknown cause 'nothing'"),
    BrokenRule(
      file: alpha, old: "\"no\": { cause: heartbeats-off }", new: "\"no\": { next: first }",
      expected: "the tree has a cycle: first -> second -> first"),
    BrokenRule(
      file: alpha, old: "\"no\": { next: second }", new: "\"no\": { cause: heartbeats-off }",
      expected: "node 'second' cannot be reached"),
    BrokenRule(
      file: alpha, old: "\"yes\": { cause: something-else }\n", new: "",
      expected: "does not say where answer 'yes'"),
    BrokenRule(
      file: alpha, old: "\"yes\": { cause: something-else }",
      new: "\"yes\": { cause: something-else }\n        \"maybe\": { cause: something-else }",
      expected: "has no answer 'maybe'"),
    BrokenRule(
      file: alpha, old: "\"yes\": { cause: something-else }",
      new: "\"yes\": { cause: something-else, next: first }",
      expected: "exactly one of 'next' and 'cause'"),
    BrokenRule(
      file: alpha, old: "      - id: \"no\"\n        label: \"No\"\ntree:", new: "tree:",
      expected: "needs at least two answers"),
  ]

  static let frontMatterRules: [BrokenRule] = [
    BrokenRule(
      file: alpha, old: "    library: pika\n", new: "",
      expected: "a client-side message needs 'library'"),
    BrokenRule(file: alpha, old: "schema: 1", new: "schema: 2", expected: "unsupported schema 2"),
    BrokenRule(
      file: alpha, old: "tags: [test]", new: "tags: [Test_Tag]",
      expected: "tag 'Test_Tag' is not kebab-case"),
    BrokenRule(
      file: alpha, old: "summary: A test guide about an alpha error.", new: "summary: no full stop",
      expected: "one sentence"),
    BrokenRule(
      file: alpha, old: "url: https://www.rabbitmq.com/docs/networking",
      new: "url: http://example.com", expected: "must start with https://"),
    BrokenRule(
      file: alpha, old: "diagnostics: [list-connections]", new: "diagnostics: [list-connection]",
      expected: "unknown diagnostic 'list-connection'; did you mean 'list-connections'?"),
    BrokenRule(
      file: alpha, old: "steps: [turn-on-heartbeats]", new: "steps: [turn-heartbeats-on]",
      expected: "names unknown step"),
    BrokenRule(
      file: alpha, old: "  - id: beta\n    how: Beta is the other one.",
      new: "  - id: alpha\n    how: Itself.", expected: "cannot be related to itself"),
    BrokenRule(
      file: alpha, old: "id: alpha-local", new: "id: heartbeat-off",
      expected: "already a shared question"),
  ]

  static let bodyRules: [BrokenRule] = [
    BrokenRule(
      file: alpha, old: "## Prevention", new: "## Prevent", expected: "no '## Prevention' section"),
    BrokenRule(
      file: alpha, old: "### Something else", new: "### Something different",
      expected: "cause title 'Something else' has no '### Something else' heading"),
    BrokenRule(
      file: alpha, old: "### Look elsewhere", new: "### Look somewhere",
      expected: "step title 'Look elsewhere' has no"),
    BrokenRule(
      file: alpha, old: "### Is alpha bad?\n\nYes, quite.\n\n### Can I ignore it?\n\nNo.",
      new: "Nothing here.", expected: "the FAQ has no '### question' entries"),
    BrokenRule(
      file: alpha, old: "```sh\nrabbitmqctl list_connections name timeout\n```", new: "Nothing.",
      expected: "has no code block"),
  ]

  static let diagnosticRules: [BrokenRule] = [
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [sh, -c, \"rabbitmqctl list_connections\"]", expected: "runs a shell"),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [sudo, rabbitmqctl, list_connections]", expected: "runs a shell"),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [iptables, -L]", expected: "'iptables' is not in allowlist.yaml"),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [rabbitmqctl, close_connection, x, y]",
      expected: "'rabbitmqctl close_connection' is not an allowed subcommand"),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [sysctl, -w, net.ipv4.tcp_retries2=5]", expected: "makes 'sysctl' change state"),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [sysctl, net.ipv4.tcp_retries2=5]", expected: "makes 'sysctl' change state"),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [nstat, -az]", expected: "must be run with '-s'"),
    BrokenRule(
      file: diagnostic, old: "      guide: beta", new: "      guide: bta",
      expected: "finding points to guide 'bta', which does not exist; did you mean 'beta'?"),
    BrokenRule(
      file: diagnostic, old: "      cause: heartbeats-off", new: "      cause: heartbeat-off",
      expected:
        "finding points to cause 'heartbeat-off', which guide 'beta' does not have; did you mean 'heartbeats-off'?"
    ),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [nstat, -asr]", expected: "makes 'nstat' change state"),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [rabbitmqctl, list_connections, \"|\", grep]", expected: "is a shell operator"),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [/usr/sbin/rabbitmqctl, list_connections]", expected: "bare program name"),
    BrokenRule(
      file: diagnostic, old: "read_only: true", new: "read_only: false",
      expected: "read-only commands only"),
    BrokenRule(
      file: diagnostic, old: "timeout_seconds: 30", new: "timeout_seconds: 0",
      expected: "timeout_seconds must be from 1 to 300"),
    BrokenRule(
      file: diagnostic, old: "parser: rabbitmqctl-table", new: "parser: rabbitmqctl-tables",
      expected: "expected one of"),
    BrokenRule(
      file: "questions/heartbeat-off.yaml", old: "fact: heartbeat-zero-connections",
      new: "fact: heartbeat-zero", expected: "no diagnostic yields"),
    BrokenRule(
      file: alpha, old: "    format: structured\n",
      new: "    format: structured\n    origin: \"captured it myself\"\n",
      expected: "origin must be 'capture: FILE'"),
    BrokenRule(
      file: alpha, old: "    format: structured\n",
      new: "    format: structured\n    origin: \"capture: ../../etc/passwd\"\n",
      expected: "a capture is named by its path under Tests/Fixtures"),
    BrokenRule(
      file: "allowlist.yaml", old: "  - program: sysctl\n", new: "  - program: find\n",
      expected: "'find' runs a shell or another program"),
    BrokenRule(
      file: "allowlist.yaml", old: "    options: [-a, -s, -z]\n", new: "    options: [-a, -z]\n",
      expected: "required argument '-s' is not among the options allowed for 'nstat'"),
    BrokenRule(
      file: "allowlist.yaml", old: "    options: [-a, -s, -z]\n",
      new: "    options: [-a, -s, -z, -r]\n",
      expected: "'-r' is both allowed and forbidden for 'nstat'"),
    BrokenRule(
      file: "allowlist.yaml", old: "    options: [-q]\n", new: "    options: [-q, quiet]\n",
      expected: "'quiet' is not an option name"),
    BrokenRule(
      file: "allowlist.yaml", old: "    syntax: elixir\n", new: "    syntax: posix\n",
      expected: "invalid value 'posix' for 'syntax'"),
    BrokenRule(
      file: diagnostic, old: "argv: [rabbitmqctl, list_connections, name, timeout]",
      new: "argv: [rabbitmqctl, -n, list_connections, delete_queue, q]",
      expected: "'rabbitmqctl delete_queue' is not an allowed subcommand"),
  ]

  @Test(arguments: treeRules + frontMatterRules + bodyRules + diagnosticRules)
  func eachBrokenRuleGivesOneLocatedError(rule: BrokenRule) throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace(rule.old, with: rule.new, in: rule.file)
    let findings = try scratch.lint().filter { $0.severity == .error }
    let matching = findings.filter { $0.message.contains(rule.expected) }
    #expect(matching.count >= 1, "\(findings)")
    for finding in matching {
      #expect(finding.location.path.hasSuffix(rule.file))
      #expect(finding.location.line > 1 || rule.expected.contains("two answers"), "\(finding)")
    }
  }

  @Test func unresolvedRelatedIsAWarningUnlessStrict() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace("  - id: beta\n", with: "  - id: gamma\n", in: Self.alpha)
    let relaxed = try scratch.lint()
    #expect(relaxed.count == 1)
    #expect(relaxed.first?.severity == .warning)
    #expect(relaxed.first?.message.contains("related guide 'gamma' does not exist") == true)
    #expect(relaxed.first?.location.line == 15)
    let strict = try scratch.lint(strict: true)
    #expect(strict.map(\.severity) == [.error])
  }

  @Test func errorsPrintCompilerStyle() throws {
    let scratch = try ScratchContent()
    defer { scratch.remove() }
    try scratch.replace("start: first", with: "start: frist", in: Self.alpha)
    let finding = try #require(try scratch.lint().first)
    #expect(finding.description.hasPrefix(scratch.directory + "/guides/alpha.md:43:10: error: "))
  }
}
