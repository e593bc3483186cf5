/// One socket line of `ss -t` output.
struct SSSocket: Sendable, Hashable {
  /// `ESTAB`, `LISTEN`, `FIN-WAIT-1`…; `nil` when a state filter made ss leave the column out.
  var state: String?
  /// Recv-Q: unread bytes, or for a listening socket the connections waiting to be accepted.
  var receiveQueue: Int
  /// Send-Q: unacknowledged bytes, or for a listening socket the accept backlog.
  var sendQueue: Int
  var local: SocketAddress
  var peer: SocketAddress
  var timer: SSTimer?
  /// The line as printed, for evidence.
  var line: String

  /// Whether it is a listening socket: state `LISTEN`, or without a state column a peer of `*`.
  var isListening: Bool {
    state.map { $0 == "LISTEN" } ?? (peer.port == "*")
  }

  /// Reads a socket line: `[Netid] [State] Recv-Q Send-Q Local Peer [Process and options]`.
  init?(line: String) {
    let tokens = line.split(whereSeparator: \.isWhitespace).map(String.init)
    var index = 0
    while index < min(2, tokens.count), Int(tokens[index]) == nil { index += 1 }
    guard tokens.count >= index + 4, let receive = Int(tokens[index]),
      let send = Int(tokens[index + 1]), let local = SocketAddress(tokens[index + 2]),
      let peer = SocketAddress(tokens[index + 3])
    else { return nil }
    state = index > 0 ? tokens[index - 1] : nil
    receiveQueue = receive
    sendQueue = send
    self.local = local
    self.peer = peer
    timer = SSTimer(in: tokens[(index + 4)...].joined(separator: " "))
    self.line = line
  }
}
