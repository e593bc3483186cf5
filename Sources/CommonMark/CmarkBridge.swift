internal import Ccmark

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one place that talks to cmark. No cmark pointer leaves these functions.
enum CmarkBridge {
  /// Options for every parse and render: validate UTF-8; safe mode is cmark's default, and
  /// `CMARK_OPT_UNSAFE` is never passed.
  private static let options = CMARK_OPT_VALIDATE_UTF8

  /// Parses `source` and copies cmark's tree into Swift values, freeing the C tree; also the
  /// tree's nesting depth, measured without recursion. Elements deeper than `maximumDepth` are
  /// not copied.
  static func parseBlocks(_ source: String, maximumDepth: Int) -> (blocks: [Block], depth: Int) {
    let utf8 = Array(source.utf8)
    let parsed = utf8.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          cmark_parse_document($0, buffer.count, options)
        }
      } ?? cmark_parse_document("", 0, options)
    }
    guard let document = parsed else { return ([], 0) }
    defer { cmark_node_free(document) }
    let blocks = children(of: document).compactMap {
      block(from: $0, depth: 1, maximumDepth: maximumDepth)
    }
    return (blocks, depth(of: document))
  }

  /// The deepest nesting under `root`, counted with cmark's iterator (enter and exit events),
  /// so that a document of any depth is measured in constant stack.
  private static func depth(of root: OpaquePointer) -> Int {
    guard let iterator = cmark_iter_new(root) else { return 0 }
    defer { cmark_iter_free(iterator) }
    var current = 0
    var deepest = 0
    while true {
      switch cmark_iter_next(iterator) {
      case CMARK_EVENT_DONE: return deepest
      case CMARK_EVENT_ENTER:
        // Leaves (text, code, breaks) get no exit event: they do not open a level.
        if cmark_node_first_child(cmark_iter_get_node(iterator)) != nil {
          current += 1
          deepest = max(deepest, current)
        }
      case CMARK_EVENT_EXIT: current -= 1
      default: return deepest
      }
    }
  }

  /// Renders `source` to an HTML fragment with cmark in safe mode: raw HTML is replaced by a
  /// comment and `javascript:`, `vbscript:`, `file:` and most `data:` links are dropped.
  static func renderHTML(_ source: String) -> String {
    let length = source.utf8.count
    guard let rendered = source.withCString({ cmark_markdown_to_html($0, length, options) }) else {
      return ""
    }
    defer { free(rendered) }
    return String(cString: rendered)
  }

  /// Renders `source` like ``renderHTML(_:)``, first giving every link and image destination
  /// to `rewrite`, which returns the destination to use instead, or `nil` to keep it.
  static func renderHTML(_ source: String, rewritingLinks rewrite: (String) -> String?) -> String {
    let length = source.utf8.count
    guard let document = source.withCString({ cmark_parse_document($0, length, options) }) else {
      return ""
    }
    defer { cmark_node_free(document) }
    if let iterator = cmark_iter_new(document) {
      defer { cmark_iter_free(iterator) }
      while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
        guard let node = cmark_iter_get_node(iterator) else { continue }
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
          cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
          let replacement = rewrite(url(of: node))
        else { continue }
        _ = cmark_node_set_url(node, replacement)
      }
    }
    guard let rendered = cmark_render_html(document, options) else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
  }

  private static func children(of node: OpaquePointer) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      result.append(current)
      child = cmark_node_next(current)
    }
    return result
  }

  private static func range(of node: OpaquePointer) -> SourceRange {
    SourceRange(
      startLine: Int(cmark_node_get_start_line(node)),
      startColumn: Int(cmark_node_get_start_column(node)),
      endLine: Int(cmark_node_get_end_line(node)),
      endColumn: Int(cmark_node_get_end_column(node)))
  }

  private static func literal(of node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }

  private static func block(from node: OpaquePointer, depth: Int, maximumDepth: Int) -> Block? {
    guard depth <= maximumDepth else { return nil }
    let next = { (child: OpaquePointer) in
      block(from: child, depth: depth + 1, maximumDepth: maximumDepth)
    }
    let kind: BlockKind
    switch cmark_node_get_type(node) {
    case CMARK_NODE_HEADING:
      kind = .heading(
        level: Int(cmark_node_get_heading_level(node)),
        content: inlines(of: node, depth: depth, maximumDepth: maximumDepth))
    case CMARK_NODE_PARAGRAPH:
      kind = .paragraph(inlines(of: node, depth: depth, maximumDepth: maximumDepth))
    case CMARK_NODE_CODE_BLOCK:
      let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
      kind = .codeBlock(info: info, code: literal(of: node))
    case CMARK_NODE_HTML_BLOCK:
      kind = .htmlBlock(literal(of: node))
    case CMARK_NODE_BLOCK_QUOTE:
      kind = .blockQuote(children(of: node).compactMap(next))
    case CMARK_NODE_LIST:
      let style: ListStyle =
        cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        ? .ordered(start: Int(cmark_node_get_list_start(node))) : .bullet
      // A list item is a level of its own, between the list and its blocks.
      let items = children(of: node).map { item in
        children(of: item).compactMap {
          block(from: $0, depth: depth + 2, maximumDepth: maximumDepth)
        }
      }
      kind = .list(style, tight: cmark_node_get_list_tight(node) != 0, items: items)
    case CMARK_NODE_THEMATIC_BREAK:
      kind = .thematicBreak
    default:
      return nil
    }
    return Block(kind, range: range(of: node))
  }

  private static func inlines(of node: OpaquePointer, depth: Int, maximumDepth: Int) -> [Inline] {
    guard depth < maximumDepth else { return [] }
    return children(of: node).compactMap {
      inline(from: $0, depth: depth + 1, maximumDepth: maximumDepth)
    }
  }

  private static func inline(from node: OpaquePointer, depth: Int, maximumDepth: Int) -> Inline? {
    let children = { (node: OpaquePointer) in
      Self.inlines(of: node, depth: depth, maximumDepth: maximumDepth)
    }
    return switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT: .text(literal(of: node))
    case CMARK_NODE_SOFTBREAK: .softBreak
    case CMARK_NODE_LINEBREAK: .lineBreak
    case CMARK_NODE_CODE: .code(literal(of: node))
    case CMARK_NODE_HTML_INLINE: .html(literal(of: node))
    case CMARK_NODE_EMPH: .emphasis(children(node))
    case CMARK_NODE_STRONG: .strong(children(node))
    case CMARK_NODE_LINK:
      .link(destination: url(of: node), title: title(of: node), content: children(node))
    case CMARK_NODE_IMAGE:
      .image(source: url(of: node), title: title(of: node), content: children(node))
    default: nil
    }
  }

  private static func url(of node: OpaquePointer) -> String {
    cmark_node_get_url(node).map { String(cString: $0) } ?? ""
  }

  private static func title(of node: OpaquePointer) -> String {
    cmark_node_get_title(node).map { String(cString: $0) } ?? ""
  }
}
