import Foundation
import Testing

/// Every bad input of `diagnose --url` ends in one line on stderr that names what is wrong, a
/// non-zero exit (3 when the API could not be read, 2 for usage errors), and nothing on stdout but
/// the preview of the requests. The misbehaving APIs are `Tests/Fixtures/lab/fake_management.py`
/// on 127.0.0.1 (see ``FakeManagementServer``); nothing here talks to a real broker.
@Suite struct DiagnoseURLBadInputTests {
  /// The password every run that reaches a server sends.
  static let password = ["RMQ_DOCTOR_PASSWORD": "guest"]

  /// `diagnose --url URL --user guest --yes` with the shipped content (or `content`).
  func diagnose(_ url: String, content: String = Binary.shippedContent, password: String = "guest")
    throws -> Binary.Run
  {
    try Binary.run(
      ["diagnose", "--url", url, "--user", "guest", "--yes", "--content", content],
      environment: ["RMQ_DOCTOR_PASSWORD": password])
  }

  /// A run that could not read the API at `base`: exit 3, one line `Error: BASE/api/overview: ...`
  /// naming the problem, and only the preview on stdout.
  func expectUnreadable(
    _ run: Binary.Run, base: String, saying words: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    Binary.expectOneLineError(run, containing: words, sourceLocation: sourceLocation)
    #expect(run.status == 3, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
    // The first request is the overview; its failure is the one reported.
    #expect(
      run.stderr.hasPrefix("Error: \(base)/api/overview: "), "stderr: \(run.stderr)",
      sourceLocation: sourceLocation)
    #expect(!run.stderr.contains("crashed"), sourceLocation: sourceLocation)
    expectOnlyPreview(run.stdout, base: base, sourceLocation: sourceLocation)
  }

  /// `stdout` is the preview of the GET requests to `base` and nothing else: no error, no report.
  func expectOnlyPreview(
    _ stdout: String, base: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let lines = stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "Read-only GET requests to send, as user 'guest' (nothing is sent until you confirm):",
      "stdout: \(stdout)", sourceLocation: sourceLocation)
    #expect(
      lines.dropFirst().first?.hasPrefix("  GET \(base)/api/overview    (limit ") == true,
      "stdout: \(stdout)", sourceLocation: sourceLocation)
    let strays = lines.dropFirst().filter {
      !$0.hasPrefix("  GET \(base)/api/")
        && !$0.hasPrefix("A member that the answering node sees as down")
    }
    #expect(strays.isEmpty, "not part of the preview: \(strays)", sourceLocation: sourceLocation)
  }

  /// A usage error: exit 2, one line ending in ArgumentParser's pointer to help, stdout empty.
  func expectUsageError(
    _ run: Binary.Run, saying words: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    Binary.expectOneLineError(run, containing: words, sourceLocation: sourceLocation)
    #expect(run.status == 2, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.hasPrefix("Error: "), sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, "stdout: \(run.stdout)", sourceLocation: sourceLocation)
  }

  /// A scratch folder, removed by the caller.
  func scratch() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rmq-doctor-url-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  // MARK: - Nothing to talk to

  @Test func anUnresolvableHostIsNamed() throws {
    // `.invalid` never resolves (RFC 6761), with or without a network.
    let run = try diagnose("http://no-such-host.invalid:15672")
    expectUnreadable(
      run, base: "http://no-such-host.invalid:15672",
      saying: "cannot resolve host name 'no-such-host.invalid'")
  }

  @Test func aRefusedPortIsNamed() throws {
    let port = try freeLocalPort()
    let run = try diagnose("http://127.0.0.1:\(port)")
    expectUnreadable(
      run, base: "http://127.0.0.1:\(port)", saying: "connection refused: nothing listens there")
  }

  // MARK: - TLS

  @Test func anUntrustedCertificateFailsTLSBeforeTheCredentialsAreSent() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let server = try FakeManagementServer(mode: "tls", directory: directory)
    defer { server.stop() }
    let run = try diagnose(server.url(scheme: "https"))
    expectUnreadable(run, base: server.url(scheme: "https"), saying: "TLS failed: handshake failed")
    #expect(run.stderr.contains("CERTIFICATE_VERIFY_FAILED"), "stderr: \(run.stderr)")
    #expect(run.stderr.contains("pass --cacert FILE"), "stderr: \(run.stderr)")
    // The handshake failed, so the request (and its Authorization header) never went out.
    #expect(server.bytesSent() == [0])
    #expect(!run.stderr.contains(".build/checkouts"), "stderr: \(run.stderr)")
  }

  @Test func plainHTTPToATLSPortIsNotTakenForAnAnswer() throws {
    // The fake answers plain HTTP as RabbitMQ's TLS listener does: a fatal TLS alert, then close.
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let server = try FakeManagementServer(mode: "tls", directory: directory)
    defer { server.stop() }
    let run = try diagnose(server.url())
    expectUnreadable(run, base: server.url(), saying: "the answer is not valid HTTP")
    #expect(run.stderr.contains("https://"), "stderr: \(run.stderr)")
  }

  @Test func httpsToAPlainHTTPPortFailsTLS() throws {
    let server = try FakeManagementServer(mode: "status404")
    defer { server.stop() }
    let run = try diagnose(server.url(scheme: "https"))
    expectUnreadable(run, base: server.url(scheme: "https"), saying: "TLS failed: handshake failed")
    #expect(run.stderr.contains("WRONG_VERSION_NUMBER"), "stderr: \(run.stderr)")
    #expect(run.stderr.contains("http://"), "stderr: \(run.stderr)")
  }

  // MARK: - Status codes the broker sends

  @Test func aWrongPasswordIs401() throws {
    let server = try FakeManagementServer(mode: "status401")
    defer { server.stop() }
    let run = try diagnose(server.url(), password: "wrong-password")
    expectUnreadable(
      run, base: server.url(), saying: "401 Unauthorized: the user name or password is wrong")
    #expect(!run.stderr.contains("wrong-password"))
  }

  /// RabbitMQ 3.10 answers a user without the management tag with 401 and the reason `Not
  /// management user` (Tests/Fixtures/captures/management-no-management-tag.txt): not a wrong
  /// password.
  @Test func aUserWithoutTheTagIsNotAWrongPassword() throws {
    let server = try FakeManagementServer(mode: "status401-tag")
    defer { server.stop() }
    let run = try diagnose(server.url())
    expectUnreadable(
      run, base: server.url(),
      saying:
        "401 Not management user: user 'guest' logged in but lacks the monitoring (or administrator) tag"
    )
    #expect(!run.stderr.contains("password is wrong"), "stderr: \(run.stderr)")
  }

  /// The same refusal as 403, as other versions or a proxy in front may send it.
  @Test func aUserWithoutTheMonitoringTagIs403() throws {
    let server = try FakeManagementServer(mode: "status403")
    defer { server.stop() }
    let run = try diagnose(server.url())
    expectUnreadable(
      run, base: server.url(),
      saying:
        "403 Forbidden: user 'guest' may not read this; it needs the monitoring (or administrator) tag"
    )
  }

  @Test func theManagementPluginOffIs404() throws {
    let server = try FakeManagementServer(mode: "status404")
    defer { server.stop() }
    let run = try diagnose(server.url())
    expectUnreadable(run, base: server.url(), saying: "404 Not Found: no such API path here")
  }

  // MARK: - Bodies that are not an answer

  @Test func anHTMLPageIsNotJSON() throws {
    let server = try FakeManagementServer(mode: "html")
    defer { server.stop() }
    let run = try diagnose(server.url())
    expectUnreadable(run, base: server.url(), saying: "the response is not JSON: ")
    #expect(run.stderr.contains("starting \"<!DOCTYPE html>"), "stderr: \(run.stderr)")
  }

  @Test func aBodyShorterThanItsContentLengthIsCutOff() throws {
    let server = try FakeManagementServer(mode: "truncated")
    defer { server.stop() }
    let run = try diagnose(server.url())
    expectUnreadable(run, base: server.url(), saying: "the response was cut off before its end")
  }

  /// 50 MiB against the overview's 1 MiB cap, with its length declared up front and streamed
  /// without one: the tool stops reading at the cap (the server could write only what the socket
  /// buffers hold before the tool hung up), soon, and its memory does not grow by the body.
  @Test(arguments: ["huge", "huge-chunked"])
  func aResponseOverTheCapIsNotRead(mode: String) throws {
    let arguments = { (url: String) in
      ["diagnose", "--url", url, "--user", "guest", "--yes", "--content", Binary.shippedContent]
    }
    // What the tool takes when it reads a small answer: the baseline for the memory check.
    let small = try FakeManagementServer(mode: "html")
    defer { small.stop() }
    let baseline = try MeasuredRun.run(arguments(small.url()), environment: Self.password)
    #expect(baseline.run.status == 3)

    let server = try FakeManagementServer(mode: mode)
    defer { server.stop() }
    let measured = try MeasuredRun.run(arguments(server.url()), environment: Self.password)
    expectUnreadable(
      measured.run, base: server.url(),
      saying: "the response is larger than its 1048576-byte cap; not read")
    #expect(measured.seconds < 5, "took \(measured.seconds) s")
    let sent = server.bytesSent()
    #expect(sent.count == 1)
    #expect(sent.allSatisfy { $0 < (20 << 20) }, "the server wrote \(sent) bytes of its 50 MiB")
    #expect(
      measured.maxResidentKiB < baseline.maxResidentKiB + (20 << 10),
      "peak memory \(measured.maxResidentKiB) KiB against \(baseline.maxResidentKiB) KiB for a small answer"
    )
  }

  // MARK: - A server that never answers

  /// The shipped overview waits 15 s for its answer; a copy of the content whose
  /// `api-overview.yaml` says 2 s shows the same limit at work within seconds.
  @Test func aServerThatNeverAnswersTimesOut() throws {
    let content = try scratch() + "/content"
    defer {
      try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent)
    }
    try FileManager.default.copyItem(atPath: Binary.shippedContent, toPath: content)
    let overview = content + "/diagnostics/api-overview.yaml"
    let yaml = try String(contentsOfFile: overview, encoding: .utf8)
    #expect(yaml.contains("\ntimeout_seconds: 15\n"))
    try yaml.replacingOccurrences(of: "\ntimeout_seconds: 15\n", with: "\ntimeout_seconds: 2\n")
      .write(toFile: overview, atomically: true, encoding: .utf8)

    let server = try FakeManagementServer(mode: "silent")
    defer { server.stop() }
    let started = Date()
    let run = try diagnose(server.url(), content: content)
    let seconds = Date().timeIntervalSince(started)
    expectUnreadable(run, base: server.url(), saying: "no complete answer within 2 s")
    // At least the 2 s limit, and well under the shipped 15 s one: the copy's limit was used.
    // (Not tighter: on a loaded CI machine the debug binary's start alone can take seconds.)
    #expect(seconds >= 2 && seconds < 12, "took \(seconds) s")
    #expect(run.stdout.contains("  GET \(server.url())/api/overview    (limit 2 s, 1024 KiB)"))
  }

  // MARK: - Redirects

  @Test func aRedirectIsNotFollowedAndSaidSo() throws {
    let server = try FakeManagementServer(mode: "redirect")
    defer { server.stop() }
    let run = try diagnose(server.url())
    expectUnreadable(
      run, base: server.url(),
      saying:
        "answered with a redirect to http://elsewhere.example:15672/api/overview (its API would be --url http://elsewhere.example:15672), which rmq-doctor does not follow"
    )
    // One request, the overview; nothing more went to this server after the redirect.
    #expect(server.bytesSent().count == 1)
  }

  // MARK: - Usage errors

  @Test func aPasswordInTheURLIsRefused() throws {
    let run = try Binary.run([
      "diagnose", "--url", "http://guest:secret@127.0.0.1:15672", "--yes", "--content",
      Binary.shippedContent,
    ])
    expectUsageError(
      run,
      saying:
        "not a management API URL: it holds a password; set RMQ_DOCTOR_PASSWORD or pass --password-file instead"
    )
    // The refusal names the URL without repeating the password into the terminal or a CI log.
    #expect(!run.stderr.contains("secret"), "stderr: \(run.stderr)")
  }

  struct UsageCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var words: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(arguments: [
    UsageCase(
      arguments: ["--url", "http://127.0.0.1:15672"], words: "no management user: give --user NAME"),
    UsageCase(
      arguments: ["--url", "ftp://127.0.0.1:15672", "--user", "guest"],
      words:
        "--url ftp://127.0.0.1:15672: not a management API URL: the scheme must be http or https, not ftp"
    ),
    UsageCase(
      arguments: ["--url", "http://127.0.0.1:15672", "--user", "guest", "--insecure"],
      words: "--cacert and --insecure are for https:// URLs"),
    UsageCase(
      arguments: [
        "--url", "http://127.0.0.1:15672", "--user", "guest", "--evidence", Binary.brokerFixtures,
      ],
      words: "give --url or --evidence, not both"),
    UsageCase(
      arguments: ["--url", "http://127.0.0.1:15672", "--user", "guest", "--password-file", "/tmp"],
      words: "--password-file /tmp: is a folder, not a file"),
    UsageCase(
      arguments: [
        "--url", "https://127.0.0.1:15671", "--user", "guest", "--cacert", "/etc/hostname",
      ],
      words: "--cacert /etc/hostname: not a PEM certificate file"),
    UsageCase(
      arguments: ["--url", "http://127.0.0.1:15672/api/overview", "--user", "guest"],
      words: "give the API's base URL (such as http://HOST:15672), not the URL of one of its paths"),
  ])
  func aUsageErrorIsOneLineAndExitsTwo(_ usage: UsageCase) throws {
    let run = try Binary.run(
      ["diagnose"] + usage.arguments + ["--yes", "--content", Binary.shippedContent],
      environment: Self.password)
    expectUsageError(run, saying: usage.words)
  }

  @Test func noPasswordWithoutATerminalIsOneLine() throws {
    let port = try freeLocalPort()
    // An empty RMQ_DOCTOR_PASSWORD counts as none (the helper can set variables, not remove
    // them); stdin is a pipe, so the password cannot be asked for.
    let run = try Binary.run(
      [
        "diagnose", "--url", "http://127.0.0.1:\(port)", "--user", "guest", "--yes", "--content",
        Binary.shippedContent,
      ],
      environment: ["RMQ_DOCTOR_PASSWORD": ""])
    Binary.expectOneLineError(
      run, containing: "no password: set RMQ_DOCTOR_PASSWORD or pass --password-file FILE")
    #expect(run.stdout.isEmpty, "stdout: \(run.stdout)")
    #expect(run.status == 2)
  }

  @Test func aMissingPasswordFileIsOneLine() throws {
    let port = try freeLocalPort()
    let run = try Binary.run(
      [
        "diagnose", "--url", "http://127.0.0.1:\(port)", "--user", "guest", "--password-file",
        "/no/such/password-file",
        "--yes", "--content", Binary.shippedContent,
      ], environment: Self.password)
    Binary.expectOneLineError(
      run, containing: "--password-file /no/such/password-file: no such file")
    #expect(run.stdout.isEmpty, "stdout: \(run.stdout)")
    #expect(run.status == 2)
  }
}
