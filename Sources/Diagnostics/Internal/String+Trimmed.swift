import Foundation

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
