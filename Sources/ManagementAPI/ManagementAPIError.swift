/// Why a management API request gave no usable answer, as one line for standard error.
public struct ManagementAPIError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Hashable {
    case invalidURL(String)
    case notAllowed(String)
    case refused
    case unreachable(String)
    case tls(String)
    case timedOut(seconds: Int)
    case tooLarge(limit: Int)
    case cutOff(String)
    case redirected(to: String)
    case unauthorized
    /// The login worked but the user's tags do not allow this path (RabbitMQ answers 401
    /// `Not management user` or `Not monitor user`; other versions may answer 403).
    case missingTag(user: String, reason: String)
    case forbidden(user: String)
    case notFound
    case status(Int, String)
    case notJSON(String)
    case other(String)
  }

  /// What went wrong.
  public var kind: Kind
  /// The URL asked, without credentials.
  public var url: String

  /// An error of `kind` for `url`.
  public init(_ kind: Kind, url: String) {
    self.kind = kind
    self.url = url
  }

  /// Whether the broker answered but said the path does not exist (an older version without
  /// that health check, or the management plugin not enabled).
  public var isNotFound: Bool { kind == .notFound }

  /// Whether the user may log in but not read everything: the answers would be partial (a
  /// user without `monitoring` sees only its own connections), so nothing is reported.
  public var isMissingTag: Bool {
    switch kind {
    case .missingTag, .forbidden: true
    default: false
    }
  }

  public var description: String {
    switch kind {
    case .invalidURL(let why): "\(url): not a management API URL: \(why)"
    case .notAllowed(let why): "\(url): refused before sending: \(why)"
    case .refused:
      "\(url): connection refused: nothing listens there (is the management plugin enabled, and is this its port?)"
    case .unreachable(let why): "\(url): cannot connect: \(why)"
    case .tls(let why): "\(url): TLS failed: \(why)"
    case .timedOut(let seconds): "\(url): no complete answer within \(seconds) s"
    case .tooLarge(let limit): "\(url): the response is larger than its \(limit)-byte cap; not read"
    case .cutOff(let why): "\(url): the response was cut off before its end (\(why))"
    case .redirected(let location):
      "\(url): answered with a redirect to \(location), which rmq-doctor does not follow"
    case .unauthorized: "\(url): 401 Unauthorized: the user name or password is wrong"
    case .missingTag(let user, let reason):
      "\(url): 401 \(reason): user '\(user)' logged in but lacks the monitoring (or administrator) tag that reading the whole cluster needs"
    case .forbidden(let user):
      "\(url): 403 Forbidden: user '\(user)' may not read this; it needs the monitoring (or administrator) tag"
    case .notFound:
      "\(url): 404 Not Found: no such API path here (is this the management plugin's port, and does this version offer it?)"
    case .status(let code, let reason): "\(url): HTTP \(code) \(reason)"
    case .notJSON(let why): "\(url): the response is not JSON: \(why)"
    case .other(let why): "\(url): \(why)"
    }
  }
}
