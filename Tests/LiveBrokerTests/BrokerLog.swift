import Foundation

/// The broker's own log file, read from a mark onwards: what the broker wrote during the tests.
struct BrokerLog: Sendable {
  /// An entry the broker wrote when it closed or refused one connection: the line naming the
  /// connection (`closing AMQP connection <pid> (...):` or `Error on AMQP connection <pid>
  /// (...):`) and the reason line after it.
  struct Entry: Sendable {
    var head: String
    var reason: String
    /// The Erlang pid that wrote the entry: the connection's own process.
    var pid: String { head.split(separator: " ").dropFirst(3).first.map(String.init) ?? "" }
    /// Both lines, as a user would paste them.
    var text: String { head + "\n" + reason }
  }

  let path: String
  let offset: UInt64

  /// The log as it is now; only lines written after this call are read.
  static func mark(_ path: String) throws -> BrokerLog {
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64
    return BrokerLog(path: path, offset: size ?? 0)
  }

  /// The lines written since the mark.
  func lines() -> [String] {
    guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
    defer { try? handle.close() }
    do { try handle.seek(toOffset: offset) } catch { return [] }
    let data = (try? handle.readToEnd()) ?? Data()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// The Erlang pid of the connection from client `port`, or with client-provided `name`.
  static func connectionPID(in lines: [String], port: Int? = nil, name: String? = nil) -> String? {
    for line in lines {
      let found: Bool
      if let port {
        found =
          line.contains("accepting AMQP connection <") && line.contains("(127.0.0.1:\(port) -> ")
      } else if let name {
        found = line.hasSuffix("has a client-provided name: \(name)")
      } else {
        found = false
      }
      guard found, let start = line.range(of: "connection <"),
        let end = line[start.upperBound...].firstIndex(of: ">")
      else { continue }
      return "<" + line[start.upperBound..<end] + ">"
    }
    return nil
  }

  /// The entry of connection `pid`: its first `[warning]` or `[error]` line that names the
  /// connection and ends with a colon, and the next line of the same pid.
  static func entry(in lines: [String], pid: String) -> Entry? {
    let own = lines.filter { $0.contains("] \(pid) ") }
    for (index, line) in own.enumerated().dropLast()
    where (line.contains("[error]") || line.contains("[warning]"))
      && line.contains("AMQP connection \(pid) (") && line.hasSuffix(":")
    {
      return Entry(head: line, reason: own[index + 1])
    }
    return nil
  }

  /// The first channel or connection error about connection `pid`: a `[error]` line `Channel
  /// error on connection <pid> (...), channel N:` or `Error on AMQP connection <pid> (...), channel
  /// N:`, and the next line written by the same process (a channel's errors are written by the
  /// channel's process, not the connection's).
  static func channelEntry(in lines: [String], connection pid: String) -> Entry? {
    channelEntries(in: lines, connection: pid).first
  }

  /// Every channel or connection error entry about connection `pid`, in log order.
  static func channelEntries(in lines: [String], connection pid: String) -> [Entry] {
    var entries: [Entry] = []
    for (index, line) in lines.enumerated()
    where line.contains("[error]") && line.hasSuffix(":")
      && (line.contains("Channel error on connection \(pid) (")
        || line.contains("Error on AMQP connection \(pid) ("))
    {
      let writer = line.split(separator: " ").dropFirst(3).first.map(String.init) ?? ""
      if let next = lines[(index + 1)...].first(where: { $0.contains("] \(writer) ") }) {
        entries.append(Entry(head: line, reason: next))
      }
    }
    return entries
  }

  /// Waits up to `timeout` seconds for the entry of the connection from `port` (or named
  /// `name`) and returns it with every line the broker wrote about that connection.
  func waitForEntry(port: Int? = nil, name: String? = nil, timeout: TimeInterval) -> (
    entry: Entry?, lines: [String]
  ) {
    let deadline = Date().addingTimeInterval(timeout)
    var all: [String] = []
    repeat {
      let lines = lines()
      if let pid = Self.connectionPID(in: lines, port: port, name: name) {
        all = lines.filter { $0.contains(pid) }
        if let entry = Self.entry(in: lines, pid: pid) { return (entry, all) }
      }
      Thread.sleep(forTimeInterval: 0.2)
    } while Date() < deadline
    return (nil, all)
  }
}
