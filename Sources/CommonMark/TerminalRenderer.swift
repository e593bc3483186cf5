/// Renders a Markdown document for a terminal: headings, emphasis, lists, code and links shown
/// readably and wrapped to a width, with ANSI styling only when asked for.
public struct TerminalRenderer: Sendable {
  /// The number of columns to fill.
  public var width: Int
  /// Whether to emit ANSI escape codes.
  public var style: TerminalStyle

  /// Creates a renderer for `width` columns (at least 20) in `style`.
  public init(width: Int, style: TerminalStyle) {
    self.width = max(width, 20)
    self.style = style
  }

  /// Renders `blocks` to text that ends with a newline.
  public func render(_ blocks: [Block]) -> String {
    render(blocks, indent: "").joined(separator: "\n") + "\n"
  }

  /// Renders blocks into paragraphs of lines; blank lines separate the paragraphs.
  private func render(_ blocks: [Block], indent: String, tight: Bool = false) -> [String] {
    var out: [String] = []
    for (index, block) in blocks.enumerated() {
      let lines = render(block, indent: indent)
      if index > 0 && !tight { out.append("") }
      out.append(contentsOf: lines)
    }
    return out
  }

  private func render(_ block: Block, indent: String) -> [String] {
    let wrapper = WordWrapper(style: style, width: width)
    switch block.kind {
    case .heading(let level, let content):
      return heading(level: level, text: content.plainText, indent: indent)
    case .paragraph(let content):
      return wrapper.wrap(runs(content, codes: []), firstPrefix: indent, prefix: indent)
    case .codeBlock(_, let code):
      var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      return lines.map { line in
        let open = style.sgr([SGR.cyan])
        let body = line.isEmpty ? "" : open + line + (open.isEmpty ? "" : style.reset)
        return (indent + "    " + body).trailingWhitespaceTrimmed
      }
    case .htmlBlock(let html):
      return html.split(separator: "\n").map { indent + $0 }
    case .blockQuote(let blocks):
      let bar = style == .ansi ? "│ " : "> "
      return render(blocks, indent: indent + bar)
    case .list(let listStyle, let tight, let items):
      return list(listStyle, tight: tight, items: items, indent: indent)
    case .thematicBreak:
      return [indent + String(repeating: style == .ansi ? "─" : "-", count: min(width, 40))]
    }
  }

  private func heading(level: Int, text: String, indent: String) -> [String] {
    let wrapper = WordWrapper(style: style, width: width)
    switch level {
    case 1:
      let lines = wrapper.wrap(
        [StyledRun(text: text, codes: [SGR.bold])], firstPrefix: indent, prefix: indent)
      let rule = String(repeating: "=", count: min(text.count, width - indent.count))
      return lines + [indent + rule]
    case 2:
      let lines = wrapper.wrap(
        [StyledRun(text: text, codes: [SGR.bold, SGR.yellow])], firstPrefix: indent,
        prefix: indent)
      let rule = String(repeating: "-", count: min(text.count, width - indent.count))
      return lines + [indent + rule]
    default:
      let marker = "▸ "
      return wrapper.wrap(
        [StyledRun(text: text, codes: [SGR.bold])], firstPrefix: indent + marker,
        prefix: indent + String(repeating: " ", count: marker.count))
    }
  }

  private func list(_ listStyle: ListStyle, tight: Bool, items: [[Block]], indent: String)
    -> [String]
  {
    var out: [String] = []
    for (index, item) in items.enumerated() {
      let marker: String
      switch listStyle {
      case .bullet: marker = style == .ansi ? "• " : "- "
      case .ordered(let start): marker = "\(start + index). "
      }
      let hanging = indent + String(repeating: " ", count: marker.count)
      var lines = render(item, indent: hanging, tight: tight)
      if let first = lines.first, first.hasPrefix(hanging) {
        lines[0] = indent + marker + first.dropFirst(hanging.count)
      } else {
        lines.insert(indent + marker.trailingWhitespaceTrimmed, at: 0)
      }
      if index > 0 && !tight { out.append("") }
      out.append(contentsOf: lines)
    }
    return out
  }

  /// Turns inlines into styled runs, adding `codes` to everything inside.
  private func runs(_ inlines: [Inline], codes: [Int]) -> [StyledRun] {
    inlines.flatMap { inline -> [StyledRun] in
      switch inline {
      case .text(let text): return [StyledRun(text: text, codes: codes)]
      case .softBreak: return [StyledRun(text: " ", codes: codes)]
      case .lineBreak: return [StyledRun(text: "\n", codes: codes)]
      case .code(let code):
        let shown = style == .ansi ? code : "`\(code)`"
        return [StyledRun(text: shown, codes: codes + [SGR.cyan], breakable: false)]
      case .html(let html): return [StyledRun(text: html, codes: codes + [SGR.dim])]
      case .emphasis(let content): return runs(content, codes: codes + [SGR.italic])
      case .strong(let content): return runs(content, codes: codes + [SGR.bold])
      case .link(let destination, _, let content):
        let text = content.plainText
        var result = runs(content, codes: codes + [SGR.underline])
        if !destination.isEmpty && destination != text && "mailto:" + text != destination {
          result.append(StyledRun(text: " (\(destination))", codes: codes + [SGR.dim]))
        }
        return result
      case .image(let source, _, let content):
        return [StyledRun(text: "[image: \(content.plainText)] (\(source))", codes: codes)]
      }
    }
  }
}
