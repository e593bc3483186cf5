import ArgumentParser
import GuideKit

/// The `--content` option every command takes.
package struct ContentOptions: ParsableArguments {
  package init() {}

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The content directory to read. By default the Content folder shipped with the tool.",
      valueName: "dir"))
  package var content: String?

  /// The content directory to use: `--content`, or the shipped one.
  package func directory() throws -> String {
    if let content { return content }
    guard let found = ContentLocator.defaultDirectory() else {
      throw CLIError(
        "cannot find the shipped Content folder; pass --content DIR or set RMQ_DOCTOR_CONTENT")
    }
    return found
  }

  /// Loads the content, refusing it when lint finds an error anywhere in it; the first lint
  /// line is the error.
  package func load() throws -> ContentLibrary {
    do {
      return try ContentLoader.loadValidated(directory: try directory())
    } catch let error as ContentError {
      throw CLIError(error.description)
    } catch let rejection as ContentRejection {
      let more = rejection.errors.count > 1 ? "; run 'rmq-doctor lint' for all of them" : ""
      throw CLIError("\(rejection)\(more)")
    }
  }

  /// Loads the content, keeping the errors of files that did not load.
  package func loadAll() throws -> ContentLoader.Result {
    do {
      return try ContentLoader.load(directory: try directory())
    } catch let error as ContentError {
      throw CLIError(error.description)
    }
  }
}

/// A runtime error: ArgumentParser prints it as one `Error: ...` line and exits with 1.
package struct CLIError: Error, CustomStringConvertible {
  package var description: String
  package init(_ description: String) { self.description = description }
}
