extension Templates {
  /// A guide: breadcrumbs, what it is, the table of contents, the sections in reading order,
  /// and the guides before and after it in its family.
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

  /// The guides before and after this one in its family.
  static let pager = """
    <nav class="pager" aria-label="Previous and next guide{{#family}} in {{title}}{{/family}}">
    {{#previous}}<a class="previous" href="../guides/{{id}}.html" rel="prev"><span class="pager-label">Previous</span> {{title}}</a>{{/previous}}
    {{#next}}<a class="next" href="../guides/{{id}}.html" rel="next"><span class="pager-label">Next</span> {{title}}</a>{{/next}}
    </nav>
    """
}
