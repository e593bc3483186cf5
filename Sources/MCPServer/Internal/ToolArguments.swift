import MCP

/// A tool call's arguments, checked against the tool's schema: no unknown names, the required
/// ones present, each of the expected type.
struct ToolArguments {
  let tool: String
  private let values: [String: Value]

  init(tool: DoctorTool, values: [String: Value]) throws {
    self.tool = tool.definition.name
    self.values = values
    let known = tool.argumentNames
    if let stray = values.keys.sorted().first(where: { !known.contains($0) }) {
      let takes = known.isEmpty ? "no arguments" : "only " + known.joined(separator: ", ")
      throw ToolError(tool: self.tool, "there is no argument '\(stray)'; it takes \(takes)")
    }
    if let missing = tool.requiredNames.first(where: { values[$0] == nil || values[$0] == .null }) {
      throw ToolError(tool: self.tool, argument: missing, "this argument is required")
    }
  }

  private func fail(_ name: String, _ message: String) -> ToolError {
    ToolError(tool: tool, argument: name, message)
  }

  /// A string argument, `nil` when absent.
  func string(_ name: String) throws -> String? {
    guard let value = values[name], value != .null else { return nil }
    guard let text = value.stringValue else { throw fail(name, "must be a string") }
    return text
  }

  /// A required string argument that is not blank.
  func requiredString(_ name: String) throws -> String {
    guard let text = try string(name), text.contains(where: { !$0.isWhitespace }) else {
      throw fail(name, "must be a non-empty string")
    }
    return text
  }

  /// A whole number in `range`, `nil` when absent.
  func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
    guard let value = values[name], value != .null else { return nil }
    let number: Int?
    switch value {
    case .int(let int): number = int
    case .double(let double) where double.rounded() == double && abs(double) < 1e15:
      number = Int(double)
    default: number = nil
    }
    guard let number, range.contains(number) else {
      throw fail(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return number
  }

  /// A true or false argument, `nil` when absent.
  func bool(_ name: String) throws -> Bool? {
    guard let value = values[name], value != .null else { return nil }
    guard let flag = value.boolValue else { throw fail(name, "must be true or false") }
    return flag
  }

  /// A list of strings, `nil` when absent.
  func strings(_ name: String) throws -> [String]? {
    guard let value = values[name], value != .null else { return nil }
    guard let items = value.arrayValue, case let texts = items.compactMap(\.stringValue),
      texts.count == items.count
    else { throw fail(name, "must be a list of strings") }
    return texts
  }

  /// An object whose values are strings, `nil` when absent.
  func stringMap(_ name: String) throws -> [String: String]? {
    guard let value = values[name], value != .null else { return nil }
    guard let object = value.objectValue else { throw fail(name, "must be an object of strings") }
    var result: [String: String] = [:]
    for (key, item) in object {
      guard let text = item.stringValue else {
        throw fail(name, "the value of '\(key)' must be a string")
      }
      result[key] = text
    }
    return result
  }

  /// One of `choices`, `nil` when absent.
  func choice(_ name: String, among choices: [String]) throws -> String? {
    guard let text = try string(name) else { return nil }
    guard choices.contains(text) else {
      throw fail(name, "'\(text.prefix(60))' is not one of \(choices.joined(separator: ", "))")
    }
    return text
  }
}
