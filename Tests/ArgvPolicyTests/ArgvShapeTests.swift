import ArgvPolicy
import Testing

/// Exact argument vectors (`argv_shapes`) with the `{host}` placeholder.
@Suite struct ArgvShapeTests {
  let rules = [
    "openssl": ProgramRules(
      program: "openssl",
      shapes: [
        ArgvShape(["openssl", "s_client", "-connect", "{host}:5671", "-verify_return_error"])
      ])
  ]

  @Test(arguments: ["localhost", "rabbit-1.example.com", "10.0.0.7", "[::1]", "[fe80::1]"])
  func hostsThatAreAllowed(_ host: String) {
    let argv = ["openssl", "s_client", "-connect", "\(host):5671", "-verify_return_error"]
    #expect(ArgvPolicy.violations(of: argv, rules: rules).isEmpty, "\(argv)")
  }

  @Test(arguments: [
    "", "-proxy", ".hidden", "a b", "host;id", "[]", "[::1", "hôte", "x:5671 -quiet",
  ])
  func hostsThatAreRefused(_ host: String) {
    let argv = ["openssl", "s_client", "-connect", "\(host):5671", "-verify_return_error"]
    let violations = ArgvPolicy.violations(of: argv, rules: rules)
    #expect(
      violations.map(\.message) == [
        "'openssl' may run only as 'openssl s_client -connect {host}:5671 -verify_return_error'"
      ])
  }

  @Test func lengthAndOrderMatter() {
    #expect(
      !ArgvPolicy.allows(
        ["openssl", "s_client", "-verify_return_error", "-connect", "localhost:5671"], rules: rules)
    )
    #expect(
      !ArgvPolicy.allows(["openssl", "s_client", "-connect", "localhost:5671"], rules: rules))
    #expect(!ArgvPolicy.allows(["openssl"], rules: rules))
  }
}
