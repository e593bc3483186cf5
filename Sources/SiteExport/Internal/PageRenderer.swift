import Mustache

/// Renders pages: a page template inside the layout, through swift-mustache, which escapes
/// every `{{value}}` (with ``HTMLEscaping``, its own HTML escaping made cheaper).
struct PageRenderer {
  private let library: MustacheLibrary
  private let options: ExportOptions

  /// Parses every template; throws when one does not parse.
  init(options: ExportOptions) throws(ExportError) {
    self.options = options
    let sources = [
      "layout": Templates.layout, "search": Templates.search, "notFound": Templates.notFound,

    ]
    // Registering again replaces the same value; each template is escaped through it.
    MustacheContentTypes.register(HTMLEscaping(), named: Self.contentTypeName)
    var library = MustacheLibrary()
    for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
      do { try library.register(Self.contentTypePragma + source, named: name) } catch {
        throw ExportError(.template("\(name): \(error)"), path: name)
      }
    }
    self.library = library
  }

  /// A whole page: `template` rendered with `context`, inside the layout.
  ///
  /// - Parameters:
  ///   - root: the way from the page to the site's root (`""`, `"../"`, or the base URL).
  ///   - scripts: file names under `assets/` the page loads, in order.
  func page(
    _ template: String, _ context: [String: Any], title: String, root: String,
    description: String? = nil, scripts: [String] = ["site.js"], bodyClass: String = ""
  ) -> String {
    var context = context
    context["root"] = root
    context["siteTitle"] = options.title
    return page(
      content: library.render(context, withTemplate: template) ?? "",
      navHTML: context["navHTML"] as? String, title: title, root: root,
      description: description, scripts: scripts, bodyClass: bodyClass)
  }

  /// A whole page: `content`, HTML this module made, inside the layout; `navHTML` is the
  /// navigation by family, when the page shows it.
  func page(
    content: String, navHTML: String?, title: String, root: String, description: String? = nil,
    scripts: [String] = ["site.js"], bodyClass: String = ""
  ) -> String {
    var layout: [String: Any] = [
      "csp": Templates.contentSecurityPolicy, "pageTitle": title, "siteTitle": options.title,
      "root": root, "content": content, "scripts": scripts, "bodyClass": bodyClass,
    ]
    if let description { layout["description"] = description }
    if let navHTML { layout["navHTML"] = navHTML }
    return library.render(layout, withTemplate: "layout") ?? ""
  }
}
