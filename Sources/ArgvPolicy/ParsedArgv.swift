/// An argument vector split into options and operands the way its program splits it, with
/// every violation of its rules found on the way.
struct ParsedArgv {
  let argv: [String]
  let rules: ProgramRules
  /// The options given, each by its name as written (`-t`, `--node`) and index.
  private(set) var options: [(name: String, index: Int)] = []
  /// The operands (subcommand first), each with its index.
  private(set) var operands: [(text: String, index: Int)] = []
  private(set) var violations: [ArgvViolation] = []

  init(_ argv: [String], rules: ProgramRules) {
    self.argv = argv
    self.rules = rules
    var index = 1
    var endOfOptions = false
    while index < argv.count {
      let argument = argv[index]
      if endOfOptions || argument == "-" || !argument.hasPrefix("-") {
        operands.append((argument, index))
      } else if argument == "--" {
        endOfOptions = true
      } else if argument.hasPrefix("--") {
        index = longOption(argument, at: index)
      } else {
        index = shortOptions(argument, at: index)
      }
      index += 1
    }
  }

  private var program: String { rules.program }

  private mutating func refuse(_ index: Int, _ message: String) {
    violations.append(ArgvViolation(index: index, message: message))
  }

  /// `--name` or `--name=value`; returns the index of the last argument it used.
  private mutating func longOption(_ argument: String, at index: Int) -> Int {
    let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    let inline = parts.count > 1 ? String(parts[1]) : nil
    if let forbidden = forbiddenMeaning(of: name) {
      refuse(index, "argument '\(argument)' makes '\(program)' change state (\(forbidden))")
      return index
    }
    if rules.valueOptions.contains(name) {
      options.append((name, index))
      return inline == nil ? value(for: name, at: index) : index
    }
    if rules.flags.contains(name) {
      options.append((name, index))
      if inline != nil { refuse(index, "option '\(name)' of '\(program)' takes no value") }
      return index
    }
    refuse(index, "option '\(name)' is not one allowlist.yaml allows for '\(program)'")
    return index
  }

  /// A short option, or (for getopt) a cluster of them; returns the index of the last argument
  /// it used.
  private mutating func shortOptions(_ argument: String, at index: Int) -> Int {
    if rules.syntax == .elixir {
      if rules.valueOptions.contains(argument) {
        options.append((argument, index))
        return value(for: argument, at: index)
      }
      if rules.flags.contains(argument) {
        options.append((argument, index))
      } else if forbiddenMeaning(of: argument) != nil {
        refuse(index, "argument '\(argument)' makes '\(program)' change state")
      } else {
        refuse(
          index,
          "option '\(argument)' is not one allowlist.yaml allows for '\(program)' (its options stand alone, written in full)"
        )
      }
      return index
    }
    // getopt: each letter is an option; one that takes a value takes the rest, or the next argument.
    let letters = Array(argument.dropFirst())
    for (offset, letter) in letters.enumerated() {
      let name = "-\(letter)"
      if rules.forbidden.contains(name) {
        refuse(index, "argument '\(argument)' makes '\(program)' change state (\(name))")
        return index
      }
      if rules.valueOptions.contains(name) {
        options.append((name, index))
        return offset == letters.count - 1 ? value(for: name, at: index) : index
      }
      guard rules.flags.contains(name) else {
        refuse(index, "option '\(name)' is not one allowlist.yaml allows for '\(program)'")
        return index
      }
      options.append((name, index))
    }
    return index
  }

  /// The next argument, as the value of option `name` given at `index`; returns its index.
  private mutating func value(for name: String, at index: Int) -> Int {
    guard index + 1 < argv.count else {
      refuse(index, "option '\(name)' of '\(program)' needs a value")
      return index
    }
    if argv[index + 1].hasPrefix("-") {
      refuse(
        index + 1,
        "the value '\(argv[index + 1])' of '\(name)' looks like an option; write \(name)=VALUE")
    }
    return index + 1
  }

  /// The forbidden option `name` means, as written or as the prefix `getopt_long` would expand.
  private func forbiddenMeaning(of name: String) -> String? {
    if rules.forbidden.contains(name) { return name }
    guard rules.syntax == .getopt, name.hasPrefix("--"), name.count > 2 else { return nil }
    return rules.forbidden.sorted().first { $0.hasPrefix("--") && $0.hasPrefix(name) }
  }

  /// The subcommand must be allowed, and an assignment must not write.
  mutating func checkOperands() {
    if let subcommands = rules.subcommands {
      if let first = operands.first {
        if !subcommands.contains(first.text) {
          refuse(first.index, "'\(program) \(first.text)' is not an allowed subcommand")
        }
      } else {
        refuse(0, "'\(program)' needs one of its allowed subcommands")
      }
    }
    if rules.assignmentsWrite {
      for operand in operands where operand.text.contains("=") {
        refuse(operand.index, "argument '\(operand.text)' makes '\(program)' change state")
      }
    }
  }

  /// Every required option must be given.
  mutating func checkRequired() {
    for required in rules.required where !options.contains(where: { $0.name == required }) {
      refuse(0, "'\(program)' must be run with '\(required)'")
    }
  }
}
