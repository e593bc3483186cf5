import Foundation

/// Reads management HTTP API answers, which are JSON objects and arrays of them.
enum ManagementJSON {
  /// `text` as a JSON value, or the problem saying why it is not one.
  static func parse(_ text: String) -> Result<Any, ParseProblem> {
    let data = Data(text.utf8)
    guard !data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
      return .failure(ParseProblem(text: "empty output"))
    }
    do {
      return .success(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    } catch {
      let start = Evidence.clip(String(text.prefix(60)).replacingOccurrences(of: "\n", with: " "))
      return .failure(ParseProblem(text: "not a management API answer (not JSON): \(start)"))
    }
  }

  /// The objects of a list answer: a JSON array, or a page object's `items`.
  static func items(_ value: Any) -> [[String: Any]]? {
    if let array = value as? [Any] { return array.compactMap { $0 as? [String: Any] } }
    if let page = value as? [String: Any], let items = page["items"] as? [Any] {
      return items.compactMap { $0 as? [String: Any] }
    }
    return nil
  }

  /// The objects of a list answer when every item is an object holding at least one of `keys`
  /// (what tells a node from a connection); `nil` otherwise.
  static func items(_ value: Any, eachHolding keys: [String]) -> [[String: Any]]? {
    let raw: [Any]
    if let array = value as? [Any] {
      raw = array
    } else if let page = value as? [String: Any], let items = page["items"] as? [Any] {
      raw = items
    } else {
      return nil
    }
    let objects = raw.compactMap { $0 as? [String: Any] }
    guard objects.count == raw.count,
      objects.allSatisfy({ object in keys.contains { object[$0] != nil } })
    else {
      return nil
    }
    return objects
  }

  /// A number under `key`, also when the API wrote it as a string.
  static func number(_ object: [String: Any], _ key: String) -> Double? {
    switch object[key] {
    case let text as String: Double(text)
    case let number as NSNumber: number.doubleValue
    default: nil
    }
  }

  /// A boolean under `key`.
  static func bool(_ object: [String: Any], _ key: String) -> Bool? {
    if let value = object[key] as? Bool { return value }
    return nil
  }

  /// The value at a dotted path (`churn_rates.connection_created_details.rate`).
  static func value(_ object: [String: Any], path: String) -> Any? {
    var current: Any? = object
    for key in path.split(separator: ".") {
      current = (current as? [String: Any])?[String(key)]
    }
    return current
  }

  /// `value` as a percentage of `total`, rounded to one decimal, or `nil` without a total.
  static func percent(_ value: Double?, of total: Double?) -> Double? {
    guard let value, let total, total > 0 else { return nil }
    return (value / total * 1000).rounded() / 10
  }
}

/// Why an answer could not be read.
struct ParseProblem: Error {
  var text: String
}
