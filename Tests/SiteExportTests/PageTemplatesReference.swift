import Foundation
import GuideKit
import Mustache

@testable import SiteExport

/// The Mustache templates the guide and troubleshooter pages were rendered with before they
/// were written in Swift, registered as the export registered them, with the contexts they were
/// rendered from: the definition ``PageHTMLTests`` holds the Swift pages to.
enum PageTemplatesReference {
  /// The guide page's template.
  static let guide = """
    {{> breadcrumbs}}
    <article class="guide">
    <header class="guide-header">
    <h1>{{title}}</h1>
    <p class="summary">{{summary}}</p>
    <p class="tags">{{#tags}}<a class="tag" href="../tags/{{.}}.html">{{.}}</a> {{/tags}}</p>
    <p class="actions"><a class="button" href="../troubleshoot/{{id}}.html">Troubleshoot step by step</a></p>
    </header>
    <div class="with-toc">
    <div class="guide-body">
    {{#sections}}
    {{#meaning}}{{> bodySection}}{{/meaning}}
    {{#causes}}{{> bodySection}}{{/causes}}
    {{#messages}}
    <section class="guide-section" aria-labelledby="{{id}}">
    <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
    {{{html}}}
    <h3 class="list-title">Every message this guide explains</h3>
    <ul class="signature-list">
    {{#errors}}
    <li id="{{id}}">
    <div class="code-line"><code id="{{id}}-text">{{text}}</code> <button class="copy" type="button" data-copy="{{id}}-text" hidden>Copy</button> {{{permalink}}}</div>
    <p class="meta">{{side}}{{#library}} · {{library}}{{/library}}{{#format}} · {{format}} log format{{/format}}{{#versions}} · {{versions}}{{/versions}}</p>
    {{#note}}<p class="note">{{note}}</p>{{/note}}
    </li>
    {{/errors}}
    </ul>
    </section>
    {{/messages}}
    {{#reproduce}}{{> bodySection}}{{/reproduce}}
    {{#diagnostics}}
    <section class="guide-section" aria-labelledby="{{id}}">
    <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
    {{{html}}}
    {{#hasCards}}
    <p class="list-title">Read-only checks that <code>rmq-doctor diagnose</code> runs for this guide:</p>
    {{#cards}}
    <div class="diagnostic">
    <h3 id="{{id}}">{{title}} {{{permalink}}}</h3>
    <div class="code-block"><pre tabindex="0"><code id="{{id}}-command">{{command}}</code></pre><button class="copy" type="button" data-copy="{{id}}-command" hidden>Copy</button></div>
    <p class="meta">Read-only{{#needsRoot}} · run as root or the rabbitmq user{{/needsRoot}} · runs on the {{runsOn}} host</p>
    {{{readsHTML}}}
    </div>
    {{/cards}}
    {{/hasCards}}
    </section>
    {{/diagnostics}}
    {{#resolution}}{{> bodySection}}{{/resolution}}
    {{#prevention}}{{> bodySection}}{{/prevention}}
    {{/sections}}
    {{#related}}
    <section class="guide-section related" aria-labelledby="{{id}}">
    <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
    <ul>
    {{#relatedGuides}}
    <li id="related-{{id}}">{{#exists}}<a href="{{id}}.html">{{title}}</a>{{/exists}}{{^exists}}{{id}}{{/exists}}: {{how}}</li>
    {{/relatedGuides}}
    </ul>
    </section>
    {{/related}}
    {{#faq}}
    <section class="guide-section faq" aria-labelledby="{{id}}">
    <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
    {{{html}}}
    </section>
    {{/faq}}
    {{#sources}}
    <section class="guide-section sources" aria-labelledby="{{id}}">
    <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
    <ul>
    {{#sourceLinks}}
    <li>{{#href}}<a href="{{href}}" rel="noopener">{{title}}</a>{{/href}}{{^href}}{{title}} ({{url}}){{/href}}</li>
    {{/sourceLinks}}
    </ul>
    </section>
    {{/sources}}
    {{#hasPager}}{{> pager}}{{/hasPager}}
    </div>
    <nav class="toc" aria-labelledby="toc-title">
    <details open>
    <summary id="toc-title">On this page</summary>
    {{{tocHTML}}}
    </details>
    </nav>
    </div>
    </article>

    """

  /// A section of the guide's body under its heading.
  static let bodySection = """
    <section class="guide-section" aria-labelledby="{{id}}">
    <h2 id="{{id}}">{{title}} {{{permalink}}}</h2>
    {{{html}}}
    </section>
    """

  /// The guides before and after this one in its family.
  static let pager = """
    <nav class="pager" aria-label="Previous and next guide{{#family}} in {{title}}{{/family}}">
    {{#previous}}<a class="previous" href="../guides/{{id}}.html" rel="prev"><span class="pager-label">Previous</span> {{title}}</a>{{/previous}}
    {{#next}}<a class="next" href="../guides/{{id}}.html" rel="next"><span class="pager-label">Next</span> {{title}}</a>{{/next}}
    </nav>
    """

  /// Where a guide's pages sit: the guides, its family, the page.
  static let breadcrumbs = """
    <nav class="breadcrumbs" aria-label="Breadcrumbs">
    <ol>
    <li><a href="../index.html">Guides</a></li>
    {{#family}}<li><a href="../index.html#family-{{id}}">{{title}}</a></li>{{/family}}
    {{#crumbTitle}}<li><a href="../guides/{{id}}.html">{{shortTitle}}</a></li>
    <li><span aria-current="page">{{crumbTitle}}</span></li>{{/crumbTitle}}
    {{^crumbTitle}}<li><span aria-current="page">{{shortTitle}}</span></li>{{/crumbTitle}}
    </ol>
    </nav>
    """

  /// The troubleshooter's template.
  static let troubleshooter = """
    {{> breadcrumbs}}
    <h1>Troubleshoot: {{title}}</h1>
    <p class="lead">Answer the questions; each answer leads to the next question or to the likely cause. Back to the <a href="../guides/{{id}}.html">guide</a>.</p>
    <div class="tree" id="tree" data-start="node-{{start}}">
    <nav class="trail" id="trail" aria-label="Your answers" hidden></nav>
    {{#nodes}}
    <section class="tree-step question" id="node-{{id}}" aria-labelledby="node-{{id}}-question">
    <h2 id="node-{{id}}-question">{{question}}</h2>
    <ul class="answers">
    {{#answers}}
    <li><a class="answer" href="#{{target}}" data-answer="{{id}}">{{label}}</a></li>
    {{/answers}}
    </ul>
    {{#whyHTML}}<details class="why"><summary>Why this matters</summary>{{{whyHTML}}}</details>{{/whyHTML}}
    <details class="unknown"><summary>I don't know</summary>
    <p>Then any of these causes is still possible:</p>
    <ul>{{#possibleCauses}}<li><a href="#cause-{{id}}">{{title}}</a></li>{{/possibleCauses}}</ul>
    </details>
    </section>
    {{/nodes}}
    {{#causes}}
    <section class="tree-step cause" id="cause-{{id}}" aria-labelledby="cause-{{id}}-title">
    <p class="eyebrow">Likely cause</p>
    <h2 id="cause-{{id}}-title">{{title}}</h2>
    {{{explanationHTML}}}
    {{#hasSteps}}
    <h3>What to do</h3>
    <ol class="steps">
    {{#steps}}
    <li><h4>{{title}}</h4>{{{textHTML}}}</li>
    {{/steps}}
    </ol>
    {{/hasSteps}}
    <p><a href="#node-{{start}}">Start again</a> · <a href="../guides/{{guideID}}.html">Read the whole guide</a></p>
    </section>
    {{/causes}}
    </div>

    """

  /// The templates, registered as the export registered them.
  static let library: MustacheLibrary = {
    MustacheContentTypes.register(HTMLEscaping(), named: PageRenderer.contentTypeName)
    var library = MustacheLibrary()
    let sources = [
      "guide": guide, "bodySection": bodySection, "breadcrumbs": breadcrumbs, "pager": pager,
      "troubleshooter": troubleshooter,
    ]
    for (name, source) in sources {
      try? library.register(PageRenderer.contentTypePragma + source, named: name)
    }
    return library
  }()

  /// The context the template was rendered with, made from the page's content as the export
  /// made it.
  static func context(_ page: GuidePage.Content) -> [String: Any] {
    func heading(_ heading: GuidePage.Heading) -> [String: Any] {
      ["id": heading.id, "title": heading.title, "permalink": heading.permalink]
    }
    let keys = [
      "meaning", "causes", "messages", "reproduce", "diagnostics", "resolution", "prevention",
    ]
    var sections: [String: Any] = [:]
    for (key, section) in zip(keys, page.sections) {
      var item = heading(section.heading)
      item["html"] = section.html
      switch section.entries {
      case .none: break
      case .messages(let messages):
        item["errors"] = messages.map { message -> [String: Any] in
          var error: [String: Any] = [
            "id": message.heading.id, "text": message.heading.title, "side": message.side,
            "permalink": message.heading.permalink,
          ]
          if let library = message.library { error["library"] = library }
          if let format = message.format { error["format"] = format }
          if let versions = message.versions { error["versions"] = versions }
          if let note = message.note { error["note"] = note }
          return error
        }
      case .checks(let checks):
        item["hasCards"] = !checks.isEmpty
        item["cards"] = checks.map { check -> [String: Any] in
          [
            "id": check.heading.id, "title": check.heading.title, "command": check.command,
            "permalink": check.heading.permalink, "needsRoot": check.needsRoot,
            "runsOn": check.runsOn, "readsHTML": check.readsHTML,
          ]
        }
      }
      sections[key] = item
    }
    var faq = heading(page.faq.heading)
    faq["html"] = page.faq.html
    var context: [String: Any] = [
      "id": page.id, "title": page.title, "summary": page.summary, "tags": page.tags,
      "sections": sections, "related": heading(page.related),
      "relatedGuides": page.relatedGuides.map { related -> [String: Any] in
        [
          "id": related.id, "how": related.how, "exists": related.title != nil,
          "title": related.title ?? related.id,
        ]
      },
      "faq": faq, "sources": heading(page.sources),
      "sourceLinks": page.sourceLinks.map { source -> [String: Any] in
        var item: [String: Any] = ["title": source.title, "url": source.url]
        if let href = source.href { item["href"] = href }
        return item
      },
      "tocHTML": page.tocHTML, "root": "../",
      "siteTitle": "rmq-doctor",
    ]
    context.merge(navigation(page.navigation)) { first, _ in first }
    return context
  }

  /// What the navigation added to a guide's pages' contexts.
  static func navigation(_ page: SiteNavigation.Page) -> [String: Any] {
    var context: [String: Any] = ["navHTML": page.navHTML]
    if let title = page.shortTitle { context["shortTitle"] = title }
    guard let family = page.family else { return context }
    context["family"] = ["id": family.id, "title": family.title]
    if let previous = page.previous {
      context["previous"] = ["id": previous.id, "title": previous.title]
    }
    if let next = page.next { context["next"] = ["id": next.id, "title": next.title] }
    context["hasPager"] = page.hasPager
    return context
  }

  /// The context the troubleshooter's template was rendered with.
  static func context(_ page: TroubleshooterPage.Content) -> [String: Any] {
    let nodes = page.nodes.map { node -> [String: Any] in
      var item: [String: Any] = [
        "id": node.id, "question": node.question,
        "answers": node.answers.map { ["id": $0.id, "label": $0.label, "target": $0.target] },
        "possibleCauses": node.possibleCauses.map { ["id": $0.id, "title": $0.title] },
      ]
      if let why = node.whyHTML { item["whyHTML"] = why }
      return item
    }
    let causes = page.endings.map { ending -> [String: Any] in
      [
        "id": ending.cause.id, "title": ending.cause.title, "guideID": page.id,
        "explanationHTML": ending.explanationHTML, "hasSteps": !ending.steps.isEmpty,
        "steps": ending.steps.map { ["title": $0.title, "textHTML": $0.textHTML] },
      ]
    }
    var context: [String: Any] = [
      "id": page.id, "title": page.title, "start": page.start, "nodes": nodes,
      "causes": causes, "crumbTitle": "Troubleshoot", "root": "../", "siteTitle": "rmq-doctor",
    ]
    context.merge(navigation(page.navigation)) { first, _ in first }
    return context
  }

  static func html(_ page: TroubleshooterPage.Content) -> String {
    library.render(context(page), withTemplate: "troubleshooter") ?? "(no template)"
  }

  static func html(_ page: GuidePage.Content) -> String {
    library.render(context(page), withTemplate: "guide") ?? "(no template)"
  }
}
