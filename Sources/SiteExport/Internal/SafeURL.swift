/// Which addresses from the content may become links.
enum SafeURL {
  /// `url` when it is an `http:` or `https:` address, else `nil` (shown as text instead).
  static func external(_ url: String) -> String? {
    let lower = url.trimmingPrefixWhitespace().lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? url : nil
  }

  /// Whether `name` can be part of a file name: kebab-case letters and digits.
  static func isSafeName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix("-") && !name.hasSuffix("-")
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
      }
  }
}

extension String {
  fileprivate func trimmingPrefixWhitespace() -> Substring {
    drop { $0.isWhitespace }
  }
}
