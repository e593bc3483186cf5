/// Words too common in English and in logs to tell one error from another.
enum Stopwords {
  /// Whether `word` can tell one error from another: not a stopword, and longer than one
  /// character (a lone `x` or `2` matches everything and means nothing).
  static func keeps(_ word: String) -> Bool {
    word.count > 1 && !all.contains(word)
  }

  static let all: Set<String> = [
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "is",
    "was", "be", "been", "it", "its", "this", "that", "as", "are", "not", "no", "but", "if", "so",
    "s", "t", "java", "net", "io", "org", "com", "lib", "py", "rb", "js", "line", "file", "main",
    "thread", "info", "debug", "warn", "warning", "error", "err", "exception", "report", "rabbit",
    "rabbitmq", "amqp", "amqps", "connection", "client", "server", "broker",
  ]
}
