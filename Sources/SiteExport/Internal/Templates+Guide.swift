extension Templates {
  /// A guide: the front-matter made visible around cmark's rendering of the body.
  static let guide = """
    <article class="guide">
    <header class="guide-header">
    <h1>{{title}}</h1>
    <p class="summary">{{summary}}</p>
    <p class="tags">{{#tags}}<a class="tag" href="../tags/{{.}}.html">{{.}}</a> {{/tags}}</p>
    <p class="actions"><a class="button" href="../troubleshoot/{{id}}.html">Troubleshoot step by step</a></p>
    </header>

    <section class="errors" aria-labelledby="errors-heading">
    <h2 id="errors-heading">The exact error strings</h2>
    <ul class="signature-list">
    {{#errors}}
    <li id="error-{{number}}">
    <div class="code-line"><code id="error-{{number}}-text">{{text}}</code> <button class="copy" type="button" data-copy="error-{{number}}-text" hidden>Copy</button></div>
    <p class="meta">{{side}}{{#library}} · {{library}}{{/library}}{{#format}} · {{format}} log format{{/format}}{{#versions}} · {{versions}}{{/versions}}</p>
    {{#note}}<p class="note">{{note}}</p>{{/note}}
    </li>
    {{/errors}}
    </ul>
    </section>

    {{#hasDiagnostics}}
    <section class="diagnostics" aria-labelledby="diagnostics-heading">
    <h2 id="diagnostics-heading">Diagnostics</h2>
    {{#diagnostics}}
    <div class="diagnostic" id="diagnostic-{{id}}">
    <h3>{{title}}</h3>
    <div class="code-block"><pre><code id="diagnostic-{{id}}-command">{{command}}</code></pre><button class="copy" type="button" data-copy="diagnostic-{{id}}-command" hidden>Copy</button></div>
    <p class="meta">Read-only{{#needsRoot}} · run as root or the rabbitmq user{{/needsRoot}} · runs on the {{runsOn}} host</p>
    {{{readsHTML}}}
    </div>
    {{/diagnostics}}
    </section>
    {{/hasDiagnostics}}

    <section class="causes" aria-labelledby="causes-heading">
    <h2 id="causes-heading">Causes</h2>
    <ol>
    {{#causes}}
    <li><a href="../troubleshoot/{{guideID}}.html#cause-{{id}}">{{title}}</a></li>
    {{/causes}}
    </ol>
    </section>

    <div class="body">
    {{{bodyHTML}}}
    </div>

    <section class="faq" aria-labelledby="faq-heading">
    <h2 id="faq-heading">FAQ</h2>
    {{#faq}}
    <details>
    <summary>{{question}}</summary>
    <div class="answer">{{{answerHTML}}}</div>
    </details>
    {{/faq}}
    </section>

    <section class="related" aria-labelledby="related-heading">
    <h2 id="related-heading">Related errors</h2>
    <ul>
    {{#related}}
    <li>{{#exists}}<a href="{{id}}.html">{{title}}</a>{{/exists}}{{^exists}}{{id}}{{/exists}}: {{how}}</li>
    {{/related}}
    </ul>
    </section>

    <section class="sources" aria-labelledby="sources-heading">
    <h2 id="sources-heading">Sources</h2>
    <ul>
    {{#sources}}
    <li>{{#href}}<a href="{{href}}" rel="noopener">{{title}}</a>{{/href}}{{^href}}{{title}} ({{url}}){{/href}}</li>
    {{/sources}}
    </ul>
    </section>
    </article>

    """
}
