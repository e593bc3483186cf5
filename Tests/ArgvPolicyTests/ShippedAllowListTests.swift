import ArgvPolicy
import GuideKit
import TestSupport
import Testing

/// The bypasses a probe found, each against the shipped `Content/allowlist.yaml`: every one is
/// refused, and every shipped diagnostic still passes.
@Suite struct ShippedAllowListTests {
  /// A command that must be refused, and a word the refusal must contain.
  struct Bypass: CustomTestStringConvertible, Sendable {
    var argv: [String]
    var because: String
    var testDescription: String { argv.joined(separator: " ") }
  }

  static let bypasses: [Bypass] = [
    // An option's value taken for the subcommand.
    Bypass(
      argv: ["rabbitmqctl", "-n", "list_queues", "delete_queue", "jobs"],
      because: "'rabbitmqctl delete_queue' is not an allowed subcommand"),
    Bypass(
      argv: ["rabbitmqctl", "--node", "list_queues", "delete_queue", "jobs"],
      because: "delete_queue"),
    Bypass(
      argv: ["rabbitmqctl", "-p", "list_queues", "purge_queue", "jobs"], because: "purge_queue"),
    Bypass(
      argv: ["rabbitmqctl", "--vhost", "list_queues", "delete_vhost", "/"], because: "delete_vhost"),
    Bypass(argv: ["rabbitmqctl", "-t", "list_queues", "stop_app"], because: "stop_app"),
    Bypass(
      argv: ["rabbitmqctl", "-q", "-n", "rabbit@x", "close_all_connections", "bye"],
      because: "close_all_connections"),
    Bypass(
      argv: ["rabbitmq-diagnostics", "--formatter", "status", "log_tail_stream"],
      because: "log_tail_stream"),
    // Options the allow-list does not name, and forms the CLIs do not parse as we would.
    Bypass(
      argv: ["rabbitmqctl", "--erlang-cookie", "list_queues", "list_queues"],
      because: "not one allowlist.yaml allows"),
    Bypass(
      argv: ["rabbitmqctl", "-qn", "list_queues", "delete_queue", "q"],
      because: "not one allowlist.yaml allows"),
    Bypass(
      argv: ["rabbitmqctl", "-n", "-q", "delete_queue", "q"], because: "looks like an option"),
    // Abbreviated long options, which getopt_long expands.
    Bypass(argv: ["ss", "--dia", "/tmp/out", "-t"], because: "--diag"),
    Bypass(argv: ["ss", "--diag=/tmp/out"], because: "--diag"),
    Bypass(argv: ["ss", "-tnD", "/tmp/out"], because: "change state"),
    Bypass(argv: ["ss", "--ki", "state", "established"], because: "--kill"),
    Bypass(argv: ["dmesg", "--read-c"], because: "--read-clear"),
    Bypass(argv: ["dmesg", "--cl"], because: "--clear"),
    Bypass(argv: ["dmesg", "-Tc"], because: "change state"),
    Bypass(argv: ["journalctl", "--vacuum-s=1G"], because: "--vacuum-size"),
    Bypass(argv: ["journalctl", "--rot"], because: "--rotate"),
    Bypass(argv: ["nstat", "-s", "--res"], because: "--reset"),
    Bypass(argv: ["nstat", "-s", "--sc"], because: "--scan"),
    Bypass(argv: ["nstat", "-asr"], because: "change state"),
    // openssl runs only as the one shape allowlist.yaml gives: no other subcommand, option,
    // port, or anything a shell would read in the host.
    Bypass(
      argv: ["openssl", "s_client", "-connect", "localhost:5671"], because: "may run only as"),
    Bypass(
      argv: [
        "openssl", "s_client", "-connect", "localhost:5671", "-verify_return_error", "-quiet",
      ], because: "may run only as"),
    Bypass(
      argv: ["openssl", "s_client", "-connect", "localhost:22", "-verify_return_error"],
      because: "may run only as"),
    Bypass(
      argv: ["openssl", "s_client", "-connect", "$(id):5671", "-verify_return_error"],
      because: "may run only as"),
    Bypass(
      argv: ["openssl", "s_client", "-connect", "-proxy:5671", "-verify_return_error"],
      because: "may run only as"),
    Bypass(
      argv: ["openssl", "s_client", "-connect", ":5671", "-verify_return_error"],
      because: "may run only as"),
    Bypass(
      argv: ["openssl", "req", "-connect", "localhost:5671", "-verify_return_error"],
      because: "may run only as"),
    Bypass(argv: ["openssl", "enc", "-out", "/etc/passwd"], because: "may run only as"),
    // rabbitmq-plugins lists; enabling or disabling writes enabled_plugins and changes the node.
    Bypass(
      argv: ["rabbitmq-plugins", "enable", "rabbitmq_management"],
      because: "'rabbitmq-plugins enable' is not an allowed subcommand"),
    Bypass(
      argv: ["rabbitmq-plugins", "-n", "list", "disable", "rabbitmq_shovel"], because: "disable"),
    Bypass(argv: ["rabbitmq-plugins", "set", "--offline"], because: "set"),
    Bypass(argv: ["sysctl", "--wr", "kernel.x=1"], because: "change state"),
    Bypass(argv: ["sysctl", "kernel.panic=1"], because: "change state"),
    Bypass(argv: ["sysctl", "--sys"], because: "--system"),
    // Launchers, whatever the allow-list says.
    Bypass(argv: ["find", "/", "-delete"], because: "runs a shell or another program"),
    Bypass(
      argv: ["find", "/var/log", "-exec", "rm", "{}", ";"],
      because: "runs a shell or another program"),
    Bypass(argv: ["xargs", "rm"], because: "runs a shell or another program"),
    Bypass(argv: ["env", "rabbitmqctl", "stop_app"], because: "runs a shell or another program"),
    Bypass(argv: ["nice", "rabbitmqctl", "stop_app"], because: "runs a shell or another program"),
    Bypass(
      argv: ["timeout", "5", "rabbitmqctl", "stop_app"], because: "runs a shell or another program"),
    Bypass(argv: ["watch", "rabbitmqctl", "stop_app"], because: "runs a shell or another program"),
    Bypass(argv: ["busybox", "rm", "-rf", "/"], because: "runs a shell or another program"),
    Bypass(argv: ["python3.11", "-c", "print(1)"], because: "runs a shell or another program"),
  ]

  static func rules() throws -> [String: ProgramRules] {
    let loaded = try ContentLoader.load(directory: Fixtures.content.path)
    return try #require(
      loaded.library.allowList?.value.rules, "Content/allowlist.yaml did not load")
  }

  @Test(arguments: bypasses)
  func theShippedAllowListRefuses(_ bypass: Bypass) throws {
    let violations = ArgvPolicy.violations(of: bypass.argv, rules: try Self.rules())
    #expect(!violations.isEmpty, "\(bypass.argv) would run")
    #expect(violations.contains { $0.message.contains(bypass.because) }, "\(violations)")
  }

  @Test func aLauncherIsRefusedEvenWhenAnAllowListNamesIt() {
    let rules = [
      "find": ProgramRules(program: "find", flags: ["-name"]), "env": ProgramRules(program: "env"),
    ]
    #expect(!ArgvPolicy.allows(["find", "/var/log"], rules: rules))
    #expect(!ArgvPolicy.allows(["env"], rules: rules))
  }

  @Test func everyShippedDiagnosticIsAllowed() throws {
    let loaded = try ContentLoader.load(directory: Fixtures.content.path)
    let rules = try Self.rules()
    #expect(loaded.library.diagnostics.count >= 10)
    for diagnostic in loaded.library.diagnostics.map(\.value) where !diagnostic.readsManagementAPI {
      #expect(
        ArgvPolicy.violations(of: diagnostic.argv, rules: rules).isEmpty, "\(diagnostic.argv)")
    }
  }

  @Test func everyShippedManagementAPIDiagnosticIsAllowed() throws {
    let loaded = try ContentLoader.load(directory: Fixtures.content.path)
    let policy = try #require(loaded.library.allowList?.value.requestPolicy)
    let api = loaded.library.diagnostics.map(\.value).filter(\.readsManagementAPI)
    #expect(api.count >= 3)
    for diagnostic in api {
      #expect(diagnostic.argv.isEmpty)
      #expect(policy.refusal(of: diagnostic.httpGet ?? "") == nil, "\(diagnostic.id)")
    }
  }

  @Test func readOnlyFormsOfTheSameProgramsAreAllowed() throws {
    let rules = try Self.rules()
    for argv in [
      ["rabbitmqctl", "-n", "rabbit@host", "list_queues", "name", "durable"],
      ["rabbitmqctl", "--node=rabbit@host", "-q", "list_permissions", "-p", "/"],
      ["rabbitmqctl", "list_queues", "--vhost", "orders", "name", "messages"],
      ["rabbitmq-diagnostics", "-q", "log_tail", "--number", "5000"],
      ["ss", "-tnoi", "state", "established", "( sport = :5672 )"],
      ["ss", "-f", "inet", "-tn"], ["ss", "-finet", "-tn"], ["ss", "--family=inet", "-t"],
      ["nstat", "-asz", "TcpExtTCPTimeouts"], ["sysctl", "-n", "net.ipv4.tcp_retries2"],
      ["journalctl", "-u", "rabbitmq-server", "--no-pager", "--since=-1h"], ["dmesg", "-T"],
    ] {
      #expect(ArgvPolicy.violations(of: argv, rules: rules).isEmpty, "\(argv)")
    }
  }
}
