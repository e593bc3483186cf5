import Foundation

/// An input file a benchmark needs that is not there or cannot be read.
public struct BenchmarkInputMissing: Error, CustomStringConvertible {
  /// The path that was looked for.
  public let path: String

  public init(path: String) { self.path = path }

  public var description: String { "cannot read \(path)" }
}

/// `error` as one line for standard error: Foundation's localized description for its own
/// errors (`CocoaError`, POSIX errors), else the error's description.
public func describe(_ error: any Error) -> String {
  let domain = (error as NSError).domain
  let text =
    [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(domain)
    ? error.localizedDescription : "\(error)"
  return text.split(whereSeparator: \.isNewline).joined(separator: " ")
}
