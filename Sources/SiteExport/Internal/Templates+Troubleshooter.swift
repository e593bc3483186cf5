extension Templates {
  /// A guide's decision tree: every question a section, every answer a link to the next
  /// question or to a cause, so that it works without JavaScript.
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
}
