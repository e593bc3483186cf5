import Foundation
import Synchronization

/// Turns pasted error text into the words that carry its meaning.
///
/// Removes what changes from one occurrence of an error to the next (timestamps, Erlang pids,
/// addresses and ports, connection names, vhost and user values, durations, pointers, line
/// numbers), undoes JSON, HTML and shell escaping, folds case, and splits identifiers into words
/// (`NoRouteToHostException` into `no route to host exception`, `socket_error` into
/// `socket error`), so that `{socket_error, econnreset}` and `{socket_error,econnreset}` match.
///
/// Every step is a plain regular-expression substitution, so that the browser's copy of the
/// search can do exactly the same in JavaScript.
public enum QueryNormalizer {
  /// Longer input is cut to its first and last halves of this many characters: a pasted error
  /// never needs more, a traceback's last line survives, and the cost stays bounded.
  public static let maximumLength = 20_000

  /// One substitution: a pattern and its replacement.
  public struct Rule: Sendable {
    /// The pattern, in the common subset of ICU and JavaScript syntax.
    public let pattern: String
    /// The replacement; `$1` refers to the first group.
    public let replacement: String
    /// Whether letters match regardless of case (JavaScript's `i` flag).
    public let caseInsensitive: Bool
    /// The compiled pattern, made on first use: a query whose text lacks a rule's characters
    /// never pays for compiling it (nor for ICU's start-up, when it needs no rule at all).
    let expression: LazyExpression
    /// Characters every match contains; a text without all of them is left alone without
    /// running the expression.
    let needs: TextFeatures
    /// Whether a match can contain a line break (the pattern has `\s`). The other rules never
    /// match one, nor look past one, so they can run on each line alone.
    let spansLines: Bool
    /// The same replacement written in Swift, for a rule simple enough to write out and run
    /// often enough to matter; the tests hold it to the expression.
    let native: (@Sendable (String) -> String)?

    init(
      _ pattern: String, _ replacement: String, caseInsensitive: Bool = true, needs: TextFeatures,
      spansLines: Bool = false, native: (@Sendable (String) -> String)? = nil
    ) {
      self.pattern = pattern
      self.replacement = replacement
      self.caseInsensitive = caseInsensitive
      self.needs = needs
      self.spansLines = spansLines
      self.native = native
      self.expression = LazyExpression(pattern: pattern, caseInsensitive: caseInsensitive)
    }

    /// `text` with every match replaced; `features` are the text's features.
    func apply(_ text: String, features: TextFeatures) -> String {
      guard features.contains(needs) else { return text }
      if let native { return native(text) }
      return replacingWithExpression(text)
    }

    /// `text` with every match of the expression replaced: the rule's definition.
    func replacingWithExpression(_ text: String) -> String {
      expression.compiled.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }
  }

  /// Escapes undone before anything else, in order; and the random part of a server-named
  /// queue (`amq.gen-JzTY20BRgKO-HjmUJj0wLg`) dropped before camelCase splitting would cut it
  /// into words that match nothing.
  public static let unescaping: [Rule] = [
    Rule(#"\bamq\.gen-[a-z0-9_-]+"#, "amq.gen-", needs: [.hyphen, .amqGen]),
    // JSON \u escapes of markup characters carry no signal.
    Rule(#"\\u([0-9a-f]{4})"#, " ", needs: .backslash),
    Rule(#"\\[nrt]"#, " ", needs: .backslash),
    // Only from the first backslash of a run: a match cannot start inside one, so a long run of
    // backslashes is scanned once, not once from each of its positions.
    Rule(#"(?<!\\)\\+(["'])"#, "$1", needs: .backslash),
    Rule(#"&(lt|gt|amp|quot|apos|#39|#34);"#, " ", needs: [.ampersand, .semicolon]),
  ]

  /// Identifier splits, applied before case is folded: camelCase and ACRONYMWord boundaries.
  public static let identifierSplitting: [Rule] = [
    Rule(
      #"([a-z0-9])([A-Z])"#, "$1 $2", caseInsensitive: false, needs: .lowerThenUpper,
      native: IdentifierSplit.lowerThenUpper),
    Rule(
      #"([A-Z])([A-Z][a-z])"#, "$1 $2", caseInsensitive: false, needs: .upperUpperLower,
      native: IdentifierSplit.acronymThenWord),
  ]

  /// Noise removed after case folding, in order.
  public static let noise: [Rule] = [
    // Timestamps: ISO 8601, the old report header date, syslog, bare clock times.
    Rule(
      #"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}:\d{2}([.,]\d+)?(z|[+-]\d{2}:?\d{2})?"#, " ",
      needs: [.fourDigitsThenSeparator, .hyphen, .digitColonDigit]),
    Rule(
      #"\d{1,2}-[a-z]{3}-\d{4}::\d{2}:\d{2}:\d{2}(\.\d+)?"#, " ",
      needs: [.fourDigits, .hyphen, .doubleColon, .digitColonDigit]),
    Rule(#"\d{4}[/-]\d{2}[/-]\d{2}"#, " ", needs: .fourDigitsThenSeparator),
    Rule(
      #"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) +\d{1,2} "#, " ",
      needs: [.spaceDigit, .monthThenDigit]),
    Rule(#"\d{1,2}:\d{2}:\d{2}([.,]\d+)?"#, " ", needs: .digitColonDigit),
    // Erlang pids, local and remote: <0.22417.3>, <rabbit@host.1795409130.792.0>.
    Rule(
      #"<[a-z0-9_@.\-]*\d+\.\d+\.\d+>"#, " ", needs: [.lessThan, .greaterThan, .digitPeriodDigit]),
    // Addresses with their ports.
    Rule(#"\[[0-9a-f:.]+\](:\d+)?"#, " ", needs: [.bracketHex, .closingBracket]),
    Rule(#"\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b"#, " ", needs: .threeDigitPeriodDigits),
    Rule(#"\b[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}\b"#, " ", needs: [.twoColons, .hexColonHex]),
    // Connection names after the arrow, and the values of vhost and user.
    Rule(#"->\s*-\s*[^,)\n]+"#, "->", needs: .arrow, spansLines: true),
    Rule(#"\b(vhost|user)(:?) *'[^'\n]*'"#, "$1", needs: [.twoApostrophes, .userOrVhostWord]),
    Rule(#"\b(for user|user) +'[^'\n]*'"#, "$1", needs: [.twoApostrophes, .userWord]),
    // The explanation after connection_forced is free text (an operator's, or the broker's
    // reason); the words before it are what every forced close has in common.
    Rule(
      #"\b(connection_forced): *"[^"\n]*""#, "$1",
      needs: [.twoQuotationMarks, .colon, .connectionForced]),
    Rule(#"\b(connection_forced) - [^'"\n]*"#, "$1", needs: [.hyphen, .connectionForced]),
    // Durations: "timeout: 60s" and "timeout: 2s" are the same message.
    Rule(#"\b\d+(\.\d+)? ?(ms|s|secs?|seconds?|milliseconds?)\b"#, " ", needs: .digitThenUnit),
    // Pointers, file descriptors, line numbers and ports.
    Rule(#"0x[0-9a-f]+"#, " ", needs: .zeroX),
    Rule(#"\bfd=\d+"#, " ", needs: .fdEqualsDigit),
    Rule(#":\d+"#, " ", needs: .colonDigit),
  ]

  /// `text` as the search reads it: noise removed, escapes undone, lowercase, one space between
  /// words, punctuation that separates words kept only where it helps a reader of `--explain`.
  public static func normalize(_ text: String) -> String {
    words(text).joined(separator: " ")
  }

  /// The words of `text` after normalising it: what ``normalize(_:)`` joins with spaces.
  ///
  /// The rules run line by line: a rule that cannot match a line break finds in each line
  /// exactly what it finds in the whole text, and a short line skips the rules whose
  /// characters it lacks. The one rule that can span lines runs on the lines joined again.
  static func words(_ text: String) -> [String] {
    var lines = NormalizedLines(clipped(text))
    for rule in unescaping { lines.apply(rule) }
    for rule in identifierSplitting { lines.apply(rule) }
    lines.lowercase()
    for rule in noise { lines.apply(rule) }
    return lines.words
  }

  /// `text`, or its beginning and end when it is longer than ``maximumLength``.
  static func clipped(_ text: String) -> String {
    let half = maximumLength / 2
    guard text.utf8.count > maximumLength, text.count > maximumLength else { return text }
    return text.prefix(half) + "\n" + text.suffix(half)
  }

  /// The words of `text`, after normalising it.
  public static func tokens(_ text: String) -> [String] {
    // The words hold no space, so splitting their joined form would give them back as they are.
    words(text)
  }

  /// Splits normalised text into words: runs of letters and digits; `_` separates words.
  static func tokens(ofNormalized text: String) -> [String] {
    var text = text
    if let words = text.withUTF8(asciiTokens) { return words }
    var words: [String] = []
    let scalars = text.unicodeScalars
    var start: String.UnicodeScalarView.Index?
    var index = scalars.startIndex
    while index != scalars.endIndex {
      let scalar = scalars[index]
      let isWordScalar =
        scalar.isASCII
        ? (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
          || ("0"..."9").contains(scalar))
        : scalar.properties.isAlphabetic
      if isWordScalar {
        if start == nil { start = index }
      } else if let wordStart = start {
        words.append(String(scalars[wordStart..<index]))
        start = nil
      }
      index = scalars.index(after: index)
    }
    if let wordStart = start { words.append(String(scalars[wordStart..<scalars.endIndex])) }
    return words
  }
}

extension QueryNormalizer {
  /// The words of an ASCII text, read from its bytes (runs of ASCII letters and digits, what
  /// ``tokens(ofNormalized:)`` finds in any text); nil when the text is not ASCII.
  static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    var words: [String] = []
    var start: Int?
    for index in bytes.indices {
      let byte = bytes[index]
      let isWordByte =
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
      if isWordByte {
        if start == nil { start = index }
      } else if let wordStart = start {
        words.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self))
        start = nil
      }
    }
    if let wordStart = start {
      words.append(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart...]), as: UTF8.self))
    }
    return words
  }
}

/// A regular expression compiled the first time it is needed, once, whichever thread asks.
final class LazyExpression: Sendable {
  let pattern: String
  let caseInsensitive: Bool
  private let storage = Mutex<NSRegularExpression?>(nil)

  init(pattern: String, caseInsensitive: Bool) {
    self.pattern = pattern
    self.caseInsensitive = caseInsensitive
  }

  /// The expression, compiled on first use. The patterns are constants of `QueryNormalizer`
  /// (and the tests compile every one); a bad one is a programming error.
  var compiled: NSRegularExpression {
    storage.withLock { stored in
      if let stored { return stored }
      guard
        let expression = try? NSRegularExpression(
          pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
      else { preconditionFailure("invalid normaliser pattern: \(pattern)") }
      stored = expression
      return expression
    }
  }
}
