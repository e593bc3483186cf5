/// Why an export failed, with the path it concerns and the step it failed in.
public struct ExportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: Sendable, Hashable {
    /// The output path is a file, not a directory.
    case outputIsNotADirectory
    /// The output path is a symbolic link (to `target`, as the link says), which the export
    /// will not follow: it replaces the output, and would replace the link, not the directory.
    case outputIsASymlink(target: String)
    /// The output directory has files in it and no marker of an earlier export.
    case outputNotAnExport
    /// The output has a marker that rmq-doctor did not write for these files: none of the
    /// `listed` files it names is there as written (a marker copied into another folder).
    case markerDoesNotMatch(listed: Int)
    /// Another export into the same output is running.
    case busy
    /// A guide id or tag cannot be used as a file name.
    case unsafeName(String)
    /// A file or directory could not be created or written.
    case cannotWrite(String)
    /// The finished site could not be moved into place.
    case cannotMove(String)
    /// A template did not parse (a programming error caught by the tests).
    case template(String)
  }

  /// The file or directory concerned.
  public var path: String
  /// What went wrong.
  public var reason: Reason
  /// The export step that failed, when known.
  public var step: String?

  /// Creates an error.
  public init(_ reason: Reason, path: String, step: String? = nil) {
    self.reason = reason
    self.path = path
    self.step = step
  }

  /// The reason as one sentence.
  public var message: String {
    switch reason {
    case .outputIsNotADirectory:
      "not a directory; give a new or empty directory, or an earlier export"
    case .outputIsASymlink(let target):
      "a symbolic link to '\(target)', not a directory; give the directory itself (\(target))"
    case .outputNotAnExport:
      "not empty and not an earlier rmq-doctor export (it has no \(SiteWriter.markerName) file); "
        + "refusing to replace it"
    case .markerDoesNotMatch(let listed):
      listed == 0
        ? "its \(SiteWriter.markerName) is not one rmq-doctor writes; refusing to replace anything in it"
        : "its \(SiteWriter.markerName) lists \(listed) files and none of them is there as the export wrote it: "
          + "the marker does not belong to this folder; refusing to replace anything in it"
    case .busy:
      "another export into it is running; try again when it has finished"
    case .unsafeName(let name):
      "'\(name)' cannot be used in a file name: ids and tags are kebab-case"
    case .cannotWrite(let detail): "cannot write: \(detail)"
    case .cannotMove(let detail): "cannot move the new site into place: \(detail)"
    case .template(let detail): "template error: \(detail)"
    }
  }

  public var description: String {
    "\(path): \(message)" + (step.map { " (while \($0))" } ?? "")
  }
}
