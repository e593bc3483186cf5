import Testing

@testable import ArgvPolicy

/// Options read as getopt_long and Elixir's OptionParser read them.
@Suite struct ParsedArgvTests {
  static let getopt = ProgramRules(
    program: "tool", syntax: .getopt, flags: ["-a", "-b", "--all"], valueOptions: ["-f", "--file"],
    subcommands: ["show"], forbidden: ["--delete"])
  static let elixir = ProgramRules(
    program: "cli", syntax: .elixir, flags: ["-q"], valueOptions: ["-n", "--node"],
    subcommands: ["list"])

  func operands(_ argv: [String], _ rules: ProgramRules) -> [String] {
    ParsedArgv(argv, rules: rules).operands.map(\.text)
  }

  @Test func getoptValuesAttachOrFollowAndFlagsCombine() {
    #expect(operands(["tool", "-abf", "show", "x"], Self.getopt) == ["x"])
    #expect(operands(["tool", "-abfshow", "show"], Self.getopt) == ["show"])
    #expect(operands(["tool", "--file", "show", "show"], Self.getopt) == ["show"])
    #expect(operands(["tool", "--file=show", "show"], Self.getopt) == ["show"])
    #expect(ArgvPolicy.allows(["tool", "-ab", "--file=x", "show"], rules: ["tool": Self.getopt]))
  }

  @Test func afterDoubleDashEverythingIsAnOperand() {
    #expect(operands(["tool", "--", "-a", "show"], Self.getopt) == ["-a", "show"])
    // The subcommand is then '-a', which is not allowed.
    #expect(!ArgvPolicy.allows(["tool", "--", "-a", "show"], rules: ["tool": Self.getopt]))
  }

  @Test func elixirSwitchesStandAlone() {
    #expect(operands(["cli", "-n", "list", "delete"], Self.elixir) == ["delete"])
    #expect(!ArgvPolicy.allows(["cli", "-qn", "x", "list"], rules: ["cli": Self.elixir]))
    #expect(!ArgvPolicy.allows(["cli", "-nrabbit", "list"], rules: ["cli": Self.elixir]))
    #expect(ArgvPolicy.allows(["cli", "--node=rabbit@h", "list"], rules: ["cli": Self.elixir]))
  }

  @Test func aValueOptionAtTheEndNeedsItsValue() {
    let violations = ArgvPolicy.violations(of: ["cli", "list", "-n"], rules: ["cli": Self.elixir])
    #expect(violations.map(\.message) == ["option '-n' of 'cli' needs a value"])
    #expect(violations.first?.index == 2)
  }

  @Test func aFlagGivenAValueIsRefused() {
    #expect(!ArgvPolicy.allows(["tool", "--all=yes", "show"], rules: ["tool": Self.getopt]))
  }

  @Test func abbreviationsAreNeverAccepted() {
    // '--al' would be '--all' to getopt_long, harmless, but only exact names are allowed.
    #expect(!ArgvPolicy.allows(["tool", "--al", "show"], rules: ["tool": Self.getopt]))
    let violations = ArgvPolicy.violations(
      of: ["tool", "--del", "show"], rules: ["tool": Self.getopt])
    #expect(violations.map(\.message) == ["argument '--del' makes 'tool' change state (--delete)"])
  }

  @Test func violationsNameTheArgumentTheyAreAbout() {
    let violations = ArgvPolicy.violations(
      of: ["tool", "-a", "remove"], rules: ["tool": Self.getopt])
    #expect(violations.map(\.index) == [2])
  }
}
