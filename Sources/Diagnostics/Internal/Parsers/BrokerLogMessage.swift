import Foundation

/// The message parts of a broker log line, whatever format the broker and the log store used.
enum BrokerLogMessage {
  /// The messages in `line`, trimmed:
  /// * 3.9 and later: `2026-11-23 04:46:25.280625+00:00 [warning] <0.680.0> message`;
  /// * 3.7 and 3.8 (lager): `2019-06-10 12:00:00.123 [warning] <0.680.0> message`, with the
  ///   second line of an entry printed bare;
  /// * before 3.7: a `=WARNING REPORT==== 10-Jun-2019::12:00:00 ===` line, then bare lines;
  /// * JSON logging: one object per line whose `msg` holds both lines of an entry;
  /// * any of these behind a journald prefix such as `Nov 23 04:45:38 vm rabbitmq-server[748]: `.
  static func messages(in line: String) -> [String] {
    var text = line.trimmed
    if let prefix = journaldPrefix.firstMatch(
      in: text, range: NSRange(text.startIndex..., in: text)),
      let range = Range(prefix.range, in: text)
    {
      text = String(text[range.upperBound...])
    }
    if text.hasPrefix("{"), let message = jsonMessage(text) {
      return message.split(whereSeparator: \.isNewline).map { String($0).trimmed }
    }
    if let header = entryHeader.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
      let range = Range(header.range, in: text)
    {
      text = String(text[range.upperBound...])
    }
    return [text.trimmed]
  }

  static func jsonMessage(_ text: String) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    else { return nil }
    return object["msg"] as? String
  }

  /// A timestamp, a `[level]` and an optional Erlang pid.
  static let entryHeader = NSRegularExpression.literal(
    "^\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:?\\d\\d)? "
      + "\\[[a-z]+\\] (<[^>]*> )?")

  /// `Nov 23 04:45:38 host unit[pid]: ` or its `-o short-iso` form.
  static let journaldPrefix = NSRegularExpression.literal(
    "^([A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"
      + "[+-]\\d\\d:?\\d\\d) \\S+ [\\w.@-]+(\\[\\d+\\])?: ")
}
