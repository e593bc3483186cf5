import Foundation
import Testing
import Yams

@testable import GuideKit

/// `NodeDecoder` must give Yams' decoder's value wherever it gives one, and must give up (so
/// that Yams' decoder runs) wherever the two could differ.
@Suite struct NodeDecoderTests {
  static let content = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Content").path

  /// Both decoders' values for `yaml`; the fast one is nil when it gave up.
  static func both<T: Codable>(_ type: T.Type, _ yaml: YAMLDocument) throws -> (
    fast: T?, yams: T
  ) {
    (try? NodeDecoder.decode(T.self, from: yaml.root), try yaml.decodeWithYams(T.self))
  }

  static func files(_ folder: String, _ suffix: String) -> [String] {
    ContentLoader.files(in: content + "/" + folder, ending: suffix)
  }

  /// Every shipped file decodes on the fast path (else it would not save anything) to the value
  /// Yams' decoder gives.
  @Test func shippedContentDecodesAsYamsDecodesIt() throws {
    let guides = Self.files("guides", ".md")
    #expect(guides.count >= 39)
    for path in guides {
      let split = try FrontMatterSplit(text: try TextFile.read(path), path: path)
      let yaml = try YAMLDocument(text: split.yaml, path: path, lineOffset: 1)
      let (fast, yams) = try Self.both(GuideFrontMatter.self, yaml)
      #expect(fast != nil, "the fast path gave up on \(path)")
      #expect(fast == yams, "\(path)")
    }
    for path in Self.files("questions", ".yaml") {
      let (fast, yams) = try Self.both(
        Question.self, try YAMLDocument(text: TextFile.read(path), path: path))
      #expect(fast != nil && fast == yams, "\(path)")
    }
    for path in Self.files("diagnostics", ".yaml") {
      let yaml = try YAMLDocument(text: TextFile.read(path), path: path)
      let (fast, yams) = try Self.both(DiagnosticCommand.self, yaml)
      #expect(fast != nil && fast == yams, "\(path)")
    }
    let allowList = try YAMLDocument(
      text: TextFile.read(Self.content + "/allowlist.yaml"), path: "allowlist.yaml")
    let (fastList, yamsList) = try Self.both(AllowList.self, allowList)
    #expect(fastList != nil && fastList == yamsList)
    let families = try YAMLDocument(
      text: TextFile.read(Self.content + "/families.yaml"), path: "families.yaml")
    let (fastFamilies, yamsFamilies) = try Self.both(GuideFamilies.self, families)
    #expect(fastFamilies != nil && fastFamilies == yamsFamilies)
  }

  /// Reads a mapping's keys and nothing else, so that only the keys can make decoding fail.
  struct KeysOnly: Codable, Equatable {
    struct Name: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }
    let keys: [String]
    init(from decoder: any Decoder) throws {
      keys = try decoder.container(keyedBy: Name.self).allKeys.map(\.stringValue)
    }
    func encode(to encoder: any Encoder) throws {}
  }

  /// The control: plain keys, quoted or tagged `!!str`, and anchors (which Yams' parser does not
  /// keep once the tree is composed) are read on the fast path, as Yams' decoder reads them.
  @Test(arguments: [
    "schema: 1\n\"fine\": x\nyes: y", "schema: 1\n!!str tagged: x", "schema: 1\n&anchor key: x",
    "&m\nschema: 1", "schema: 1\nlist: &l [a]\nother: *l",
  ])
  func plainKeysStayOnTheFastPath(yaml: String) throws {
    let document = try YAMLDocument(text: yaml, path: "t.yaml")
    let (fast, yams) = try Self.both(KeysOnly.self, document)
    #expect(fast != nil)
    #expect(fast == yams)
  }

  /// Keys that a lookup by text would not find as Yams finds them (numbers, nulls, booleans,
  /// merge and value keys, other tags, non-ASCII or multi-line keys, collections as keys) and
  /// tagged mappings, which Yams reads with an extra key: the fast path gives up.
  @Test(arguments: [
    "schema: 1\n1: x", "schema: 1\ntrue: x", "schema: 1\n\"null\": x", "schema: 1\n<<: {a: b}",
    "schema: 1\n=: x", "schema: 1\n!custom tagged: x", "schema: 1\n~: x", "schema: 1\n-1: x",
    "schema: 1\né: x", "schema: 1\n\"two\\nlines\": x", "schema: 1\n\"True\": x",
    "!!map\nschema: 1", "schema: 1\n[a]: x", "schema: 1\n\"\": x", "schema: 1\nyamlTag: x",
    "schema: 1\nyamlAnchor: x",
  ])
  func keysTheFastPathCannotVouchForGoToYams(yaml: String) throws {
    let document = try YAMLDocument(text: yaml, path: "t.yaml")
    #expect(throws: NodeDecoder.Unsupported.self) {
      try NodeDecoder.decode(KeysOnly.self, from: document.root)
    }
  }

  /// Plain and quoted keys that spell YAML 1.1 words (`yes`, `on`) are strings under the
  /// content's resolver, found by the fast path as Yams finds them.
  @Test(arguments: ["yes", "\"yes\"", "'no'", "on", "Off", "y", "n", "a-b", "a b", "x.1"])
  func wordKeysDecodeAsYamsDecodesThem(key: String) throws {
    let yaml =
      "start: \(key)\nnodes:\n  - id: \(key)\n    question: q\n"
      + "    answers:\n      \(key): { cause: c }\n      other: { next: \(key) }\n"
    let document = try YAMLDocument(text: yaml, path: "t.yaml")
    let (fast, yams) = try Self.both(DecisionTree.self, document)
    #expect(fast != nil)
    #expect(fast == yams)
  }

  /// Scalars are made as Yams makes them: YAML 1.2 booleans, quoted numbers, nulls.
  @Test func scalarsDecodeAsYamsDecodesThem() throws {
    let yaml = """
      a: true
      b: "12"
      c: 12
      d: ~
      e: ''
      f: 1.5
      g: "true"
      h: yes
      """
    let document = try YAMLDocument(text: yaml, path: "t.yaml")
    struct Values: Codable, Equatable {
      var a: Bool
      var b: String
      var c: Int
      var d: String?
      var e: String?
      var f: Double
      var g: String
      var h: String
    }
    let (fast, yams) = try Self.both(Values.self, document)
    #expect(fast != nil)
    #expect(fast == yams)
    // Yams makes a Bool of `yes` (its tag is not resolved first); both decoders do.
    struct Word: Codable, Equatable { var h: Bool }
    let (fastWord, yamsWord) = try Self.both(Word.self, document)
    #expect(fastWord == Word(h: true) && yamsWord == Word(h: true))
    // A word that is no boolean at all fails on both.
    let maybe = try YAMLDocument(text: "h: maybe", path: "t.yaml")
    #expect(throws: NodeDecoder.Unsupported.self) {
      try NodeDecoder.decode(Word.self, from: maybe.root)
    }
    #expect(throws: ContentError.self) { try maybe.decodeWithYams(Word.self) }
  }

  /// Optional items of a sequence decode through their own single-value containers, as in
  /// Yams' decoder.
  @Test func optionalItemsDecodeAsYamsDecodesThem() throws {
    let document = try YAMLDocument(text: "[a, ~, b, '']", path: "t.yaml")
    let (fast, yams) = try Self.both([String?].self, document)
    #expect(fast != nil)
    #expect(fast == yams)
  }

  /// A missing key or a wrong type ends the fast path; the error is Yams' decoder's own, as
  /// `YAMLDocument.decode` reports it.
  @Test func errorsAreYamsErrors() throws {
    let document = try YAMLDocument(text: "schema: 1\nid: q\ntext: [x]\n", path: "q.yaml")
    #expect(throws: (any Error).self) { try NodeDecoder.decode(Question.self, from: document.root) }
    let viaDecode = #expect(throws: ContentError.self) { try document.decode(Question.self) }
    let viaYams = #expect(throws: ContentError.self) { try document.decodeWithYams(Question.self) }
    #expect(viaDecode?.description == viaYams?.description)
    #expect(viaDecode?.description.contains("q.yaml:") == true)
  }
}
