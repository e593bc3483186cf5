/// Renders Markdown to HTML through cmark, always in cmark's safe mode.
public enum HTMLRenderer {
  /// Renders `markdown` to an HTML fragment. Raw HTML in the input is not passed through and
  /// links with unsafe schemes such as `javascript:` lose their destination.
  public static func render(_ markdown: String) -> String {
    CmarkBridge.renderHTML(markdown)
  }

  /// Renders `markdown` like ``render(_:)``, passing every link and image destination through
  /// `rewrite` first (for example to turn a guide id into the path of its page); `rewrite`
  /// returns `nil` to keep a destination. Safe mode still drops unsafe schemes afterwards.
  public static func render(_ markdown: String, rewritingLinks rewrite: (String) -> String?)
    -> String
  {
    CmarkBridge.renderHTML(markdown, rewritingLinks: rewrite)
  }
}
