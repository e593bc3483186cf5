import ErrorSearch
import Foundation
import GuideKit
import LogScan
import TestSupport
import Testing

@testable import Diagnostics

/// The real outputs in `Tests/Fixtures/broker-3.10` and the shipped catalogue, read as they are.
enum BrokerFixtures {
  static let repository = Fixtures.repository

  static let directory = Fixtures.broker

  /// The catalogue in `Content/diagnostics`, by id.
  static let catalogue: [String: DiagnosticCommand] = {
    let diagnostics = library?.diagnostics.map(\.value) ?? []
    return Dictionary(uniqueKeysWithValues: diagnostics.map { ($0.id, $0) })
  }()

  /// The shipped content.
  static let library: ContentLibrary? = {
    let content = repository.appendingPathComponent("Content").path
    return try? ContentLoader.load(directory: content).library
  }()

  /// Matches broker log entries to the shipped guides, as `rmq-doctor scan` does.
  static let classifier = LogClassifier(
    index: SearchIndex(documents: library?.searchDocuments ?? []))

  /// The catalogue entry `id`; fails the test when it is missing.
  static func command(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> DiagnosticCommand
  {
    try #require(
      catalogue[id], "no diagnostic \(id) in the catalogue", sourceLocation: sourceLocation)
  }

  /// The fixture file `name`, as text.
  static func text(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    let url = directory.appendingPathComponent(name)
    let data = try #require(
      FileManager.default.contents(atPath: url.path), "missing fixture \(url.path)",
      sourceLocation: sourceLocation)
    return String(decoding: data, as: UTF8.self)
  }

  /// Diagnostic `id` reading fixture file `name`.
  static func reading(
    _ id: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  )
    throws -> DiagnosticReading
  {
    let command = try command(id, sourceLocation: sourceLocation)
    return OutputReader.read(
      try text(name, sourceLocation: sourceLocation), of: command, source: name,
      classifier: classifier)
  }

  /// Diagnostic `id` reading `output` written in the test.
  static func reading(
    _ id: String, output: String, sourceLocation: SourceLocation = #_sourceLocation
  )
    throws -> DiagnosticReading
  {
    OutputReader.read(
      output, of: try command(id, sourceLocation: sourceLocation), source: "live",
      classifier: classifier)
  }
}

extension DiagnosticReading {
  /// The value of fact `id`, `nil` when it is absent.
  func value(_ id: String) -> Double? { fact(id)?.value }

  /// Every fact as `id = value`, for failure messages.
  var summary: String {
    (facts.map { "\($0.id) = \($0.value)" } + (problem.map { ["problem: \($0)"] } ?? []))
      .joined(separator: ", ")
  }
}
