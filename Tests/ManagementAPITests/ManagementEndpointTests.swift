import Foundation
import ManagementAPI
import Testing

/// `--url` parsing: a scheme, a host and a port; a user kept apart, never a password.
@Suite struct ManagementEndpointTests {
  /// The reason `text` is refused, or `nil` when it parses.
  func refusal(_ text: String) -> ManagementAPIError? {
    do {
      _ = try ManagementEndpoint(parsing: text)
      return nil
    } catch {
      return error
    }
  }

  /// The `invalidURL` reason of a refusal.
  func reason(_ text: String) -> String? {
    guard case .invalidURL(let why) = refusal(text)?.kind else { return nil }
    return why
  }

  @Test func httpDefaultsToPort15672() throws {
    let endpoint = try ManagementEndpoint(parsing: "http://127.0.0.1")
    #expect(endpoint.scheme == "http")
    #expect(endpoint.host == "127.0.0.1")
    #expect(endpoint.port == 15672)
    #expect(endpoint.pathPrefix == "")
    #expect(endpoint.user == nil)
    #expect(endpoint.label == "127.0.0.1:15672")
    #expect(endpoint.description == "http://127.0.0.1:15672")
    #expect(endpoint.url(for: "/api/overview") == "http://127.0.0.1:15672/api/overview")
  }

  @Test func httpsDefaultsToPort15671() throws {
    let endpoint = try ManagementEndpoint(parsing: "https://rabbit-1.example/")
    #expect(endpoint.scheme == "https")
    #expect(endpoint.port == 15671)
    #expect(endpoint.description == "https://rabbit-1.example:15671")
  }

  @Test func anExplicitPortAndAnUppercaseSchemeAreKept() throws {
    let endpoint = try ManagementEndpoint(parsing: "HTTP://localhost:15673")
    #expect(endpoint.scheme == "http")
    #expect(endpoint.port == 15673)
    #expect(try ManagementEndpoint(parsing: "https://h:443").port == 443)
  }

  @Test func aUserIsKeptApartFromTheURL() throws {
    let endpoint = try ManagementEndpoint(parsing: "https://monitor@rabbit-1.example:15671/")
    #expect(endpoint.user == "monitor")
    #expect(endpoint.host == "rabbit-1.example")
    #expect(endpoint.port == 15671)
    // The base URL, in reports and file names, carries no credentials.
    #expect(endpoint.description == "https://rabbit-1.example:15671")
    #expect(!endpoint.url(for: "/api/nodes").contains("monitor"))
    #expect(try ManagementEndpoint(parsing: "http://@h:15672").user == nil)
  }

  @Test(arguments: ["http://guest:guest@127.0.0.1:15672", "https://admin:s3cret@rabbit-1.example/"])
  func aPasswordIsRefused(url: String) throws {
    let why = try #require(reason(url), "\(url) was accepted")
    #expect(why.contains("password"), "\(why)")
    #expect(why.contains("RMQ_DOCTOR_PASSWORD"), "\(why)")
  }

  /// `ManagementAPIError.url` is documented as "the URL asked, without credentials": the error
  /// that refuses a URL for its password must not print that password back.
  @Test func theRefusalDoesNotRepeatThePassword() throws {
    let error = try #require(refusal("https://admin:s3cret@rabbit-1.example/"))
    #expect(!error.description.contains("s3cret"), "\(error.description)")
    #expect(!error.url.contains("s3cret"), "\(error.url)")
  }

  @Test(arguments: ["ftp://127.0.0.1:15672", "amqp://127.0.0.1:5672", "file:///etc/passwd"])
  func aSchemeOtherThanHTTPIsRefused(url: String) throws {
    let why = try #require(reason(url), "\(url) was accepted")
    #expect(why.hasPrefix("the scheme must be http or https, not "), "\(why)")
    #expect(why.hasSuffix(String(url.prefix { $0 != ":" })))
  }

  @Test(arguments: [
    "http://127.0.0.1:15672/?columns=name", "http://127.0.0.1:15672/api?x",
    "http://127.0.0.1:15672/#top",
  ])
  func aQueryOrFragmentIsRefused(url: String) throws {
    let why = try #require(reason(url), "\(url) was accepted")
    #expect(why == "give the API's base URL, without a query or fragment")
  }

  @Test(arguments: ["", "not a url at all", "127.0.0.1:15672", "http://", "http:///api"])
  func somethingThatIsNotAnAPIURLIsRefused(url: String) throws {
    let error = try #require(refusal(url), "\(url) was accepted")
    guard case .invalidURL = error.kind else {
      Issue.record("\(url): \(error.kind)")
      return
    }
    #expect(error.description.contains("not a management API URL"))
  }

  @Test func anIPv6AddressLosesItsBrackets() throws {
    let endpoint = try ManagementEndpoint(parsing: "http://[::1]:15672")
    #expect(endpoint.host == "::1")
    #expect(endpoint.port == 15672)
    #expect(endpoint.label == "[::1]:15672")
    #expect(endpoint.description == "http://[::1]:15672")
    #expect(endpoint.url(for: "/api/nodes") == "http://[::1]:15672/api/nodes")
    #expect(try ManagementEndpoint(parsing: "https://[fd00::5]").label == "[fd00::5]:15671")
  }

  @Test(arguments: [
    ("http://127.0.0.1:15672/api", ""), ("http://127.0.0.1:15672/api/", ""),
    ("http://127.0.0.1:15672/", ""),
    ("https://proxy.example/rabbitmq/api/", "/rabbitmq"),
    ("https://proxy.example/rabbitmq", "/rabbitmq"),
    ("https://proxy.example/rabbitmq//", "/rabbitmq"),
  ])
  func aTrailingAPIAndSlashesAreStripped(url: String, prefix: String) throws {
    let endpoint = try ManagementEndpoint(parsing: url)
    #expect(endpoint.pathPrefix == prefix)
    #expect(endpoint.url(for: "/api/overview").hasSuffix("\(endpoint.label)\(prefix)/api/overview"))
    #expect(!endpoint.url(for: "/api/overview").contains("/api/api"))
  }

  @Test func anotherHostKeepsSchemePortPrefixAndUser() throws {
    let endpoint = try ManagementEndpoint(
      parsing: "https://monitor@rabbit-1.example:15999/rabbitmq")
    let other = endpoint.onHost("rabbit-2.example")
    #expect(other.host == "rabbit-2.example")
    #expect(
      other.scheme == "https" && other.port == 15999 && other.pathPrefix == "/rabbitmq"
        && other.user == "monitor")
    #expect(other.description == "https://rabbit-2.example:15999/rabbitmq")
    #expect(endpoint.onHost("fd00::7").label == "[fd00::7]:15999")
  }
}
