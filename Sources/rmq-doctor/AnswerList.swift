import ArgumentParser
import CommandLineSupport
import Foundation
import _SafeWrite

/// The answers of `--answers q1=a,q2=b` or `--answers-file`, by question id.
enum AnswerList {
  static func parse(answers: String?, file: String?) throws -> [String: String]? {
    let text: String
    let origin: String
    if let answers {
      text = answers
      origin = "--answers"
    } else if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ValidationError("\(file): cannot read the answers file")
      }
      guard let decoded = String(data: data, encoding: .utf8) else {
        throw ValidationError("\(file): the answers file is not UTF-8 text")
      }
      text = decoded.withUnixLineEndings
      origin = file
    } else {
      return nil
    }
    var result: [String: String] = [:]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (number, line) in lines.enumerated() {
      let content =
        line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      for pair in content.split(separator: ",") {
        let trimmed = pair.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { continue }
        let parts = trimmed.split(separator: "=", maxSplits: 1).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        let place = origin == "--answers" ? origin : "\(origin):\(number + 1)"
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
          throw ValidationError("\(place): '\(trimmed)' is not question=answer")
        }
        guard result[parts[0]] == nil else {
          throw ValidationError("\(place): question '\(parts[0])' is answered twice")
        }
        result[parts[0]] = parts[1]
      }
    }
    return result
  }
}

/// Writes a file whole or not at all: into a temporary file beside it, then renamed.
enum ReportFile {
  /// Writes the report to `path` without replacing a device, FIFO or symbolic link there
  /// (``OutputFile``), and says on standard error when an existing file was replaced.
  static func write(_ text: String, to path: String) throws {
    let outcome: OutputFile.Outcome
    do { outcome = try OutputFile.write(Data(text.utf8), to: path) } catch {
      throw CLIError("\(error.path): cannot write the report: \(error.reason)")
    }
    if outcome == .replaced {
      FileHandle.standardError.write(Data("rmq-doctor: replaced the existing file \(path)\n".utf8))
    }
  }
}
