import Testing

@testable import GuideKit

/// `FrontMatterSplit` finds the YAML and the body as slices of the text; these tests hold it to
/// the plain definition: cut the text into lines at each `\n` character, drop each line's
/// trailing `\r`, and join the lines back.
@Suite struct FrontMatterSplitTests {
  struct Reference: Equatable {
    var yaml: String
    var body: String
    var bodyLineOffset: Int
  }

  /// The plain definition, or the number of lines when the front-matter is missing (0) or not
  /// closed (the line count).
  static func reference(_ text: String) -> Result<Reference, ReferenceError> {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    guard lines.first.map({ $0.trimmingTrailingSpaces == "---" }) == true else {
      return .failure(ReferenceError(line: 0))
    }
    guard
      let close = lines.indices.dropFirst().first(where: {
        lines[$0].trimmingTrailingSpaces == "---"
      })
    else { return .failure(ReferenceError(line: lines.count)) }
    return .success(
      Reference(
        yaml: lines[1..<close].joined(separator: "\n"),
        body: lines[(close + 1)...].joined(separator: "\n"), bodyLineOffset: close + 1))
  }

  struct ReferenceError: Error, Equatable { var line: Int }

  static func split(_ text: String) -> Result<Reference, ReferenceError> {
    do {
      let split = try FrontMatterSplit(text: text, path: "guide.md")
      return .success(
        Reference(yaml: split.yaml, body: split.body, bodyLineOffset: split.bodyLineOffset))
    } catch {
      switch error.reason {
      case .missingFrontMatter: return .failure(ReferenceError(line: 0))
      default: return .failure(ReferenceError(line: error.location.line))
      }
    }
  }

  @Test(arguments: [
    "---\nid: a\n---\n# Body\ntext\n",
    "---\nid: a\n---\n# Body\ntext",
    "---  \nid: a\n---\t\n",
    "---\n---\nbody",
    "---\nid: a\n---",
    "---\r\nid: a\r\n---\r\nbody\r\n",
    "---\nid: a\r\n---\nbody\r",
    "---\nid: a\n---\r",
    "---\nid: a\n---\nbody\n\r",
    "---\nid: é\u{301}\n---\n\u{301}body\r\r\n",
    "no front-matter\n---\n",
    "---\nid: a\nnever closed\n",
    "",
    "---",
  ])
  func matchesTheLineByLineDefinition(_ text: String) {
    #expect(Self.split(text) == Self.reference(text))
  }
}
