/// Reads the `rabbit` application's settings from `rabbitmq-diagnostics -q environment`.
///
/// Finds `server-heartbeat` (`{heartbeat,60}`, seconds), `handshake-timeout-ms`
/// (`{handshake_timeout,10000}`), `consumer-timeout-ms` (`{consumer_timeout,1800000}`; absent
/// when the timeout is off), `max-message-size-bytes` (`{max_message_size,134217728}`) and
/// `listener-keepalive` (1 when `tcp_listen_options` holds `{keepalive,true}`, 0 when it does not). Settings of other applications, such as aten's
/// `heartbeat_interval` or `ssl_handshake_timeout`, are never read.
enum RabbitEnvironment {
  static func findings(_ lines: OutputLines) -> [Finding] {
    let text = lines.all.joined(separator: "\n")
    guard text.contains("{rabbit,"),
      let settings = ErlangTermScanner.settings(ofApplication: "rabbit", in: text)
    else { return [] }
    var found: [Finding] = []
    for (key, id) in [
      ("heartbeat", "server-heartbeat"), ("handshake_timeout", "handshake-timeout-ms"),
      ("consumer_timeout", "consumer-timeout-ms"), ("max_message_size", "max-message-size-bytes"),
    ] {
      guard let raw = settings[key], let value = Double(raw) else { continue }
      found.append(Finding(id: id, value: value, evidence: [evidenceLine(key, raw, in: lines)]))
    }
    if let options = settings["tcp_listen_options"] {
      let compact = options.filter { !$0.isWhitespace }
      let keepalive = compact.contains("{keepalive,true}")
      found.append(
        Finding(
          id: "listener-keepalive", value: keepalive ? 1 : 0,
          evidence: [Evidence.clip("{tcp_listen_options,\(compact)}")]
            + (keepalive ? [] : ["no {keepalive,true} among the listener's options"])))
    }
    return found
  }

  /// The output line that sets `key`, or the setting rebuilt when it spans lines.
  static func evidenceLine(_ key: String, _ value: String, in lines: OutputLines) -> String {
    let setting = "{\(key),\(value)}"
    return Evidence.clip(lines.all.first { $0.contains(setting) } ?? setting)
  }
}
