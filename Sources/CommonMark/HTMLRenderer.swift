/// Renders Markdown to HTML through cmark, always in cmark's safe mode.
public enum HTMLRenderer {
  /// Renders `markdown` to an HTML fragment. Raw HTML in the input is not passed through and
  /// links with unsafe schemes such as `javascript:` lose their destination.
  public static func render(_ markdown: String) -> String {
    CmarkBridge.renderHTML(markdown)
  }
}
