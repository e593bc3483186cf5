import GuideKit

/// The context of a guide's page.
enum GuidePage {
  /// The file's path below the site's root.
  static func path(_ id: String) -> String { "guides/\(id).html" }

  static func context(_ guide: Guide, in build: SiteBuild) -> [String: Any] {
    let library = build.library
    let front = guide.frontMatter
    let links = LinkRewriter(guideIDs: build.guideIDs, toGuides: "")
    let errors: [[String: Any]] = front.errors.enumerated().map { index, error in
      var item: [String: Any] = [
        "number": index + 1, "text": error.text, "side": error.side.rawValue,
      ]
      if let library = error.library { item["library"] = library.rawValue }
      if let format = error.format { item["format"] = format.rawValue }
      if let versions = error.versions { item["versions"] = versions }
      if let note = error.note { item["note"] = note }
      return item
    }
    let diagnostics: [[String: Any]] = (front.diagnostics ?? []).compactMap { id in
      guard let command = library.diagnostic(id) else { return nil }
      return [
        "id": command.id, "title": command.title, "command": command.commandLine,
        "needsRoot": command.needsRoot, "runsOn": command.runsOn.rawValue,
        "readsHTML": links.html(command.reads),
      ]
    }
    let related: [[String: Any]] = front.related.map { related in
      let title = build.guideTitles[related.id]
      return [
        "id": related.id, "how": related.how, "exists": title != nil, "title": title ?? related.id,
      ]
    }
    let sources: [[String: Any]] = front.sources.map { source in
      var item: [String: Any] = ["title": source.title, "url": source.url]
      if let href = SafeURL.external(source.url) { item["href"] = href }
      return item
    }
    return [
      "id": guide.id, "title": guide.title, "summary": front.summary, "tags": front.tags,
      "errors": errors, "hasDiagnostics": !diagnostics.isEmpty, "diagnostics": diagnostics,
      "causes": front.causes.map { ["id": $0.id, "title": $0.title, "guideID": guide.id] },
      "bodyHTML": links.html(bodyWithoutFAQ(guide.body)),
      "faq": guide.body.faq.map { ["question": $0.question, "answerHTML": links.html($0.answer)] },
      "related": related, "sources": sources,
    ]
  }

  /// The body's Markdown up to its FAQ section, which the page shows as expandable entries.
  static func bodyWithoutFAQ(_ body: GuideBody) -> String {
    guard let faq = body.section("FAQ") else { return body.document.source }
    let line = faq.heading.range.startLine
    return line > 1 ? body.document.sourceLines(1...(line - 1)) : ""
  }
}
