extension Linter {
  func checkSharedQuestion(
    _ located: Located<Question>, in library: ContentLibrary, into report: inout LintReport
  ) {
    let question = located.value
    let yaml = located.yaml
    if question.schema != 1 {
      report.error("a shared question needs 'schema: 1'", at: yaml.location(at: ["schema"]))
    }
    if question.id != Self.baseName(yaml.path) {
      report.error(
        "id '\(question.id)' must equal the file name '\(Self.baseName(yaml.path))'",
        at: yaml.location(at: ["id"]))
    }
    checkQuestion(question, yaml: yaml, path: [], library: library, into: &report)
  }

  func checkLocalQuestions(
    _ guide: Guide, in library: ContentLibrary, into report: inout LintReport
  ) {
    let shared = Set(library.sharedQuestions.map(\.value.id))
    var seen: Set<String> = []
    for (index, question) in (guide.frontMatter.questions ?? []).enumerated() {
      let path: [YAMLPathComponent] = ["questions", .index(index)]
      if shared.contains(question.id) {
        report.error(
          "question '\(question.id)' is already a shared question; use it by id instead",
          at: guide.yaml.location(at: path + ["id"]))
      }
      if !seen.insert(question.id).inserted {
        report.error(
          "duplicate question id '\(question.id)'", at: guide.yaml.location(at: path + ["id"]))
      }
      if question.schema != nil {
        report.error(
          "'schema' belongs in shared question files only",
          at: guide.yaml.location(at: path + ["schema"]))
      }
      checkQuestion(question, yaml: guide.yaml, path: path, library: library, into: &report)
    }
  }

  private func checkQuestion(
    _ question: Question, yaml: YAMLDocument, path: [YAMLPathComponent], library: ContentLibrary,
    into report: inout LintReport
  ) {
    if !Self.isKebabCase(question.id) {
      report.error(
        "question id '\(question.id)' is not kebab-case", at: yaml.location(at: path + ["id"]))
    }
    if question.answers.count < 2 {
      report.error(
        "question '\(question.id)' needs at least two answers",
        at: yaml.location(at: path + ["answers"]))
    }
    var seen: Set<String> = []
    for (index, answer) in question.answers.enumerated() where !seen.insert(answer.id).inserted {
      report.error(
        "duplicate answer id '\(answer.id)'",
        at: yaml.location(at: path + ["answers", .index(index), "id"]))
    }
    for (index, id) in (question.diagnostics ?? []).enumerated() where library.diagnostic(id) == nil
    {
      report.error(
        "unknown diagnostic '\(id)'\(Self.suggest(id, library.diagnostics.map(\.value.id)))",
        at: yaml.location(at: path + ["diagnostics", .index(index)]))
    }
    let facts = Set(library.diagnostics.flatMap { $0.value.yields.map(\.fact) })
    for (index, rule) in (question.auto ?? []).enumerated() {
      let rulePath = path + ["auto", .index(index)]
      if !seen.contains(rule.answer) {
        report.error(
          "auto rule picks unknown answer '\(rule.answer)'",
          at: yaml.location(at: rulePath + ["answer"]))
      }
      if !facts.contains(rule.fact) {
        report.error(
          "auto rule reads fact '\(rule.fact)' that no diagnostic yields\(Self.suggest(rule.fact, Array(facts)))",
          at: yaml.location(at: rulePath + ["fact"]))
      }
    }
  }
}
