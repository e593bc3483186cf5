import ArgumentParser
import CommandLineSupport
import Foundation
import GuideKit

extension RMQDoctor {
  /// `rmq-doctor list`: one line per guide.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the guides.")

    @OptionGroup var options: ContentOptions

    @Flag(help: "Print the list as a JSON array of objects.")
    var json = false

    func run() throws {
      let library = try options.load()
      if json {
        print(try JSONOutput.encode(library.guides.map(GuideListEntry.init)))
        return
      }
      let width = library.guides.map(\.id.count).max() ?? 0
      for guide in library.guides {
        print(guide.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + guide.title)
      }
    }
  }
}

/// JSON as the tool prints it: sorted keys, indented, slashes left alone.
enum JSONOutput {
  static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
