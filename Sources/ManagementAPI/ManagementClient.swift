import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import RequestPolicy

/// Reads the management HTTP API: `GET` only, of paths the policy allows, with a time limit and
/// a size cap on each answer, no redirects followed, and TLS verified unless the caller chose
/// otherwise. Every failure is a ``ManagementAPIError``.
public final class ManagementClient: Sendable {
  /// How TLS is verified.
  public enum Verification: Sendable, Hashable {
    /// Against the system's certificate authorities.
    case system
    /// Against the authorities in this PEM file.
    case authorities(file: String)
    /// Not at all (`--insecure`): anyone between can read the credentials.
    case none
  }

  /// The user and password sent with every request (HTTP basic authentication).
  public struct Credentials: Sendable, Hashable {
    public var user: String
    public var password: String
    public init(user: String, password: String) {
      self.user = user
      self.password = password
    }
  }

  private let http: HTTPClient
  private let credentials: Credentials
  private let policy: HTTPGetPolicy

  /// A client that sends `credentials` and asks only what `policy` allows.
  ///
  /// - Throws: ``ManagementAPIError`` when the certificate authority file cannot be read.
  public init(credentials: Credentials, verification: Verification, policy: HTTPGetPolicy)
    throws(ManagementAPIError)
  {
    var tls = TLSConfiguration.makeClientConfiguration()
    switch verification {
    case .system: break
    case .authorities(let file):
      do {
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
      } catch {
        throw ManagementAPIError(
          .tls("cannot read certificate authorities from \(file): \(error)"), url: file)
      }
    case .none: tls.certificateVerification = .none
    }
    var configuration = HTTPClient.Configuration(
      tlsConfiguration: tls, redirectConfiguration: .disallow,
      timeout: .init(connect: .seconds(10)), decompression: .disabled)
    // A refused or unresolvable host fails the request at once instead of being retried until
    // its time limit.
    configuration.connectionPool.retryConnectionEstablishment = false
    configuration.httpVersion = .http1Only
    http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    self.credentials = credentials
    self.policy = policy
  }

  /// The user name sent.
  public var user: String { credentials.user }

  /// Reads `target` (an API path with an optional query) from `endpoint`.
  ///
  /// - Parameters:
  ///   - timeout: the time limit for the whole answer, from connecting to the last byte.
  ///   - limit: the most bytes of body read; a larger answer is an error.
  /// - Returns: the answer whatever its status; ``ManagementResponse/failure(user:)`` says
  ///   whether the status is one.
  public func get(
    _ target: String, from endpoint: ManagementEndpoint, timeout seconds: Int, limit: Int
  ) async throws(ManagementAPIError) -> ManagementResponse {
    let url = endpoint.url(for: target)
    if let refusal = policy.refusal(of: target) {
      throw ManagementAPIError(.notAllowed(refusal), url: url)
    }
    var request = HTTPClientRequest(url: url)
    request.method = .GET
    let token = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
    request.headers.add(name: "Authorization", value: "Basic \(token)")
    request.headers.add(name: "Accept", value: "application/json")
    request.headers.add(name: "User-Agent", value: "rmq-doctor")
    let sentAt = Date()
    let started = ContinuousClock.now
    let http = http
    let prepared = request
    do {
      let (status, body, location) = try await Self.withTimeLimit(seconds) {
        let response = try await http.execute(prepared, timeout: .seconds(Int64(seconds)))
        let body = try await response.body.collect(upTo: limit)
        return (
          Int(response.status.code), Data(body.readableBytesView),
          response.headers.first(name: "Location")
        )
      }
      let elapsed = ContinuousClock.now - started
      if (300...399).contains(status) {
        throw ManagementAPIError(
          .redirected(to: Self.base(of: location) ?? "an unnamed location"), url: url)
      }
      return ManagementResponse(
        url: url, status: status, body: body, sentAt: sentAt,
        milliseconds: Int(
          elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        ))
    } catch let error as ManagementAPIError {
      throw error
    } catch {
      throw ManagementAPIError(Self.kind(of: error, seconds: seconds, limit: limit), url: url)
    }
  }

  /// `location` shown with the base URL to give instead, when it names one.
  static func base(of location: String?) -> String? {
    guard let location else { return nil }
    guard let components = URLComponents(string: location), let scheme = components.scheme,
      let host = components.host
    else { return location }
    let port = components.port.map { ":\($0)" } ?? ""
    return "\(location) (its API would be --url \(scheme)://\(host)\(port))"
  }

  /// Closes the connections; call once when done.
  public func shutdown() async {
    try? await http.shutdown()
  }

  /// What `error` from the HTTP client means for the user.
  static func kind(of error: any Error, seconds: Int, limit: Int) -> ManagementAPIError.Kind {
    if error is NIOTooManyBytesError { return .tooLarge(limit: limit) }
    if error is TimeLimitExceeded { return .timedOut(seconds: seconds) }
    if let client = error as? HTTPClientError {
      switch client {
      case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
        return .timedOut(seconds: seconds)
      case .remoteConnectionClosed: return .cutOff("the server closed the connection")
      case .bodyLengthMismatch: return .cutOff("fewer bytes than its Content-Length")
      default: return .other("\(client)")
      }
    }
    if let parser = error as? HTTPParserError {
      if parser == .invalidEOFState { return .cutOff("the connection ended mid-body") }
      return .other(
        "the answer is not valid HTTP (\(parser)); if this port speaks TLS, use https://")
    }
    if let connection = error as? NIOConnectionError {
      let reasons = connection.connectionErrors.map { "\($0.error)" }
      if reasons.contains(where: { $0.contains("refused") || $0.contains("ECONNREFUSED") }) {
        return .refused
      }
      if connection.connectionErrors.isEmpty {
        return .unreachable("cannot resolve host name '\(connection.host)'")
      }
      return .unreachable(reasons.first ?? "\(connection)")
    }
    if let ssl = error as? NIOSSLError { return .tls(describe(ssl)) }
    if let extra = error as? NIOSSLExtraError { return .tls("\(extra)") }
    if let io = error as? IOError {
      if io.errnoCode == ECONNREFUSED { return .refused }
      return .unreachable(String(cString: strerror(io.errnoCode)))
    }
    if error is SocketAddressError { return .unreachable("cannot resolve the host name") }
    let text = "\(error)"
    if text.contains("connectionRefused") || text.contains("refused") { return .refused }
    if text.contains("ssl") || text.contains("SSL") || text.contains("TLS") { return .tls(text) }
    return .other(text)
  }

  /// BoringSSL's reason, without its error number and source path, and what it usually means.
  static func describe(_ error: NIOSSLError) -> String {
    switch error {
    case .handshakeFailed(let reason):
      let text = "\(reason)"
      let code = reasonCode(in: text)
      switch code {
      case "CERTIFICATE_VERIFY_FAILED":
        return
          "handshake failed: CERTIFICATE_VERIFY_FAILED: the server's certificate is not trusted (self-signed, signed by an unknown CA, expired, or for another name); pass --cacert FILE with its CA"
      case "WRONG_VERSION_NUMBER":
        return
          "handshake failed: WRONG_VERSION_NUMBER: the port does not speak TLS; if it serves plain HTTP, use http://"
      default:
        return "handshake failed: \(code ?? text)"
      }
    case .uncleanShutdown: return "the server closed the connection without a TLS close"
    default: return "\(error)"
    }
  }

  /// The reason code of a BoringSSL error text (`...:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at ...`).
  static func reasonCode(in text: String) -> String? {
    guard let range = text.range(of: "OPENSSL_internal:") else { return nil }
    let rest = text[range.upperBound...]
    let code = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    return code.isEmpty ? nil : String(code)
  }

  /// Checks that `file` holds PEM certificates, before anything is sent.
  public static func checkAuthorities(file: String) throws(ManagementAPIError) {
    do {
      guard try !NIOSSLCertificate.fromPEMFile(file).isEmpty else {
        throw ManagementAPIError(.tls("no certificate in it"), url: file)
      }
    } catch let error as ManagementAPIError {
      throw error
    } catch {
      throw ManagementAPIError(.tls("not a PEM certificate file"), url: file)
    }
  }

  /// Runs `work`, and gives up when it has not finished within `seconds`.
  static func withTimeLimit<T: Sendable>(
    _ seconds: Int, _ work: @escaping @Sendable () async throws -> T
  ) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
      group.addTask { try await work() }
      group.addTask {
        try await Task.sleep(for: .seconds(seconds))
        throw TimeLimitExceeded()
      }
      defer { group.cancelAll() }
      guard let first = try await group.next() else { throw TimeLimitExceeded() }
      return first
    }
  }
}

/// A request that did not finish within its time limit.
struct TimeLimitExceeded: Error {}
