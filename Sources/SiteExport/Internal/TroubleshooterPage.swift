import GuideKit

/// A guide's troubleshooter page: the decision tree as linked sections, every question a
/// section and every answer a link to the next question or to a cause, so that it works
/// without JavaScript.
enum TroubleshooterPage {
  /// The file's path below the site's root.
  static func path(_ id: String) -> String { "troubleshoot/\(id).html" }

  /// A question of the tree.
  struct Node {
    var id: String
    var question: String
    var answers: [Answer]
    /// Why the question matters, as HTML; nil when the question says nothing.
    var whyHTML: String?
    /// The causes still possible from this question on.
    var possibleCauses: [Cause]
  }

  /// An answer and the fragment it leads to (`node-...` or `cause-...`).
  struct Answer {
    var id: String
    var label: String
    var target: String
  }

  /// A cause the tree can end on.
  struct Cause {
    var id: String
    var title: String
  }

  /// A cause with what it means and what to do.
  struct Ending {
    var cause: Cause
    var explanationHTML: String
    var steps: [Step]
  }

  /// A step of the guide's resolution.
  struct Step {
    var title: String
    var textHTML: String
  }

  /// Everything the page shows.
  struct Content {
    var id: String
    var title: String
    var start: String
    /// The start first, then the others as the tree lists them.
    var nodes: [Node]
    var endings: [Ending]
    var navigation: SiteNavigation.Page
  }

  static func content(_ guide: Guide, in build: SiteBuild) -> Content {
    let library = build.library
    let front = guide.frontMatter
    let tree = front.tree
    let links = LinkRewriter(guideIDs: build.guideIDs, toGuides: "../guides/")
    let ordered =
      tree.nodes.filter { $0.id == tree.start } + tree.nodes.filter { $0.id != tree.start }
    let nodes = ordered.map { node in
      let question = library.question(node.question, in: guide)
      let answers = (question?.answers ?? []).compactMap { choice -> Answer? in
        guard let destination = node.answers[choice.id]?.destination else { return nil }
        let target: String
        switch destination {
        case .node(let next): target = "node-" + next
        case .cause(let cause): target = "cause-" + cause
        }
        return Answer(id: choice.id, label: choice.label, target: target)
      }
      let possible = TreeAnalysis(DecisionTree(start: node.id, nodes: tree.nodes)).reachableCauses
      let why = question?.why ?? ""
      return Node(
        id: node.id, question: question?.text ?? node.question, answers: answers,
        whyHTML: why.isEmpty ? nil : links.html(why),
        possibleCauses: front.causes.filter { possible.contains($0.id) }
          .map { Cause(id: $0.id, title: $0.title) })
    }
    let endings = front.causes.map { cause in
      let steps = cause.steps.compactMap { id -> Step? in
        guard let step = front.steps.first(where: { $0.id == id }) else { return nil }
        return Step(title: step.title, textHTML: links.html(guide.text(of: step) ?? ""))
      }
      return Ending(
        cause: Cause(id: cause.id, title: cause.title),
        explanationHTML: links.html(guide.explanation(of: cause) ?? ""), steps: steps)
    }
    return Content(
      id: guide.id, title: guide.title, start: tree.start, nodes: nodes, endings: endings,
      navigation: build.navigation.page(guide.id))
  }

  /// The page's main content: breadcrumbs, the questions, then the causes with their steps.
  static func html(_ page: Content) -> String {
    var out = HTMLWriter(capacity: 32 * 1024)
    out.write(GuidePage.breadcrumbs(page.navigation, id: page.id, crumbTitle: "Troubleshoot"))
    out.write(
      """
      <h1>Troubleshoot: \(page.title)</h1>
      <p class="lead">Answer the questions; each answer leads to the next question or to the likely cause. Back to the <a href="../guides/\(page.id).html">guide</a>.</p>
      <div class="tree" id="tree" data-start="node-\(page.start)">
      <nav class="trail" id="trail" aria-label="Your answers" hidden></nav>

      """)
    for node in page.nodes { out.write(html(node)) }
    for ending in page.endings { out.write(html(ending, start: page.start, guideID: page.id)) }
    out.write("</div>\n")
    return out.text
  }

  /// A question: its answers, why it matters, and the causes left when the answer is unknown.
  private static func html(_ node: Node) -> HTML {
    var answers = HTMLWriter()
    for answer in node.answers {
      answers.write(
        """
        <li><a class="answer" href="#\(answer.target)" data-answer="\(answer.id)">\(answer.label)</a></li>

        """)
    }
    let why: HTML =
      node.whyHTML.map {
        "<details class=\"why\"><summary>Why this matters</summary>\(raw: $0)</details>"
      } ?? ""
    var possible = HTMLWriter()
    for cause in node.possibleCauses {
      possible.write("<li><a href=\"#cause-\(cause.id)\">\(cause.title)</a></li>")
    }
    return """
      <section class="tree-step question" id="node-\(node.id)" aria-labelledby="node-\(node.id)-question">
      <h2 id="node-\(node.id)-question">\(node.question)</h2>
      <ul class="answers">
      \(raw: answers.text)</ul>
      \(why)
      <details class="unknown"><summary>I don't know</summary>
      <p>Then any of these causes is still possible:</p>
      <ul>\(raw: possible.text)</ul>
      </details>
      </section>

      """
  }

  /// A cause: what it means, the steps to take, and the ways back.
  private static func html(_ ending: Ending, start: String, guideID: String) -> HTML {
    let id = ending.cause.id
    var steps = HTMLWriter()
    if !ending.steps.isEmpty {
      steps.write("<h3>What to do</h3>\n<ol class=\"steps\">\n")
      for step in ending.steps {
        steps.write("<li><h4>\(step.title)</h4>\(raw: step.textHTML)</li>\n")
      }
      steps.write("</ol>\n")
    }
    return """
      <section class="tree-step cause" id="cause-\(id)" aria-labelledby="cause-\(id)-title">
      <p class="eyebrow">Likely cause</p>
      <h2 id="cause-\(id)-title">\(ending.cause.title)</h2>
      \(raw: ending.explanationHTML)
      \(raw: steps.text)<p><a href="#node-\(start)">Start again</a> · <a href="../guides/\(guideID).html">Read the whole guide</a></p>
      </section>

      """
  }
}
