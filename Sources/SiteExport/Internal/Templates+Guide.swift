extension Templates {
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
}
