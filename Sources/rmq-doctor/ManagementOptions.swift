import ArgumentParser
import CommandLineSupport
import DoctorMode
import Foundation
import GuideKit
import ManagementAPI

#if canImport(Glibc)
  import Glibc
#endif

/// The options that point `diagnose`, `wizard` and `collect` at management HTTP APIs.
struct ManagementOptions: ParsableArguments {
  @Option(
    name: .customLong("url"),
    help: ArgumentHelp(
      "A node's management API, such as http://HOST:15672; repeat it for more nodes.",
      valueName: "url"))
  var urls: [String] = []

  @Option(
    help: ArgumentHelp(
      "The management user (or give it in the URL as user@HOST).", valueName: "name"))
  var user: String?

  @Option(
    help: ArgumentHelp(
      "Read the password from this file's first line; otherwise from RMQ_DOCTOR_PASSWORD, or asked for on a terminal.",
      valueName: "file"))
  var passwordFile: String?

  @Option(
    help: ArgumentHelp(
      "Verify the API's TLS certificate against the CAs in this PEM file.", valueName: "file"))
  var cacert: String?

  @Flag(
    help:
      "Do not verify the API's TLS certificate (prints a warning; the password can be read by anyone in between)."
  )
  var insecure = false

  /// Whether any `--url` was given.
  var isGiven: Bool { !urls.isEmpty }

  /// Checks what can be checked before anything is read or sent.
  func validate() throws {
    guard isGiven else {
      if user != nil || passwordFile != nil || cacert != nil || insecure {
        throw ValidationError("--user, --password-file, --cacert and --insecure go with --url")
      }
      return
    }
    if cacert != nil && insecure { throw ValidationError("give --cacert or --insecure, not both") }
    let endpoints = try parsedEndpoints()
    if endpoints.contains(where: { $0.scheme == "http" }) && (cacert != nil || insecure) {
      throw ValidationError("--cacert and --insecure are for https:// URLs")
    }
    if let cacert {
      try Self.checkReadable(cacert, option: "--cacert")
      do { try ManagementClient.checkAuthorities(file: cacert) } catch {
        if case .tls(let why) = error.kind { throw ValidationError("--cacert \(cacert): \(why)") }
        throw ValidationError("--cacert \(cacert): \(error.description)")
      }
    }
    if let passwordFile { try Self.checkReadable(passwordFile, option: "--password-file") }
    if resolvedUser(endpoints) == nil {
      throw ValidationError(
        "no management user: give --user NAME or a URL such as http://NAME@HOST:15672")
    }
  }

  func parsedEndpoints() throws -> [ManagementEndpoint] {
    var endpoints: [ManagementEndpoint] = []
    for url in urls {
      do { endpoints.append(try ManagementEndpoint(parsing: url)) } catch {
        throw ValidationError("--url \(error.description)")
      }
    }
    return endpoints
  }

  private func resolvedUser(_ endpoints: [ManagementEndpoint]) -> String? {
    user ?? endpoints.lazy.compactMap(\.user).first
  }

  /// The user the requests are sent as.
  func user(library: ContentLibrary) throws -> String {
    guard let user = resolvedUser(try parsedEndpoints()) else {
      throw CLIError("no management user")
    }
    return user
  }

  /// Throws a usage error naming why `path` cannot be read as a file.
  static func checkReadable(_ path: String, option: String) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw ValidationError("\(option) \(path): no such file")
    }
    if isFolder.boolValue { throw ValidationError("\(option) \(path): is a folder, not a file") }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw ValidationError("\(option) \(path): permission denied")
    }
  }

  /// The password: `--password-file`, `RMQ_DOCTOR_PASSWORD`, or asked for without echo. A
  /// missing password is a usage error (exit status 2), like a missing option.
  func password() throws -> String {
    if let passwordFile {
      try Self.checkReadable(passwordFile, option: "--password-file")
      guard let data = FileManager.default.contents(atPath: passwordFile) else {
        throw ValidationError("--password-file \(passwordFile): cannot read it")
      }
      let first = String(decoding: data, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false
      ).first
      let password = String(first ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
      guard !password.isEmpty else {
        throw ValidationError("--password-file \(passwordFile): its first line is empty")
      }
      return password
    }
    if let password = ProcessInfo.processInfo.environment["RMQ_DOCTOR_PASSWORD"], !password.isEmpty
    {
      return password
    }
    guard StandardInput.isTerminal, let typed = getpass("Password for the management API: ") else {
      throw ValidationError("no password: set RMQ_DOCTOR_PASSWORD or pass --password-file FILE")
    }
    return String(cString: typed)
  }

  /// The plan and a client for it; warns on standard error about `--insecure`.
  func connect(library: ContentLibrary, password known: String? = nil) throws -> (
    plan: ManagementPlan, client: ManagementClient
  ) {
    let endpoints = try parsedEndpoints()
    guard let user = resolvedUser(endpoints) else { throw CLIError("no management user") }
    let verification: ManagementClient.Verification =
      insecure ? .none : cacert.map { .authorities(file: $0) } ?? .system
    if insecure {
      FileHandle.standardError.write(
        Data(
          "warning: --insecure: the API's TLS certificate is not verified; whoever sits in between can read the password\n"
            .utf8))
    }
    let policy = library.allowList?.value.requestPolicy ?? .init(paths: [], queryKeys: [])
    let client: ManagementClient
    do {
      client = try ManagementClient(
        credentials: .init(user: user, password: try known ?? password()),
        verification: verification, policy: policy)
    } catch let error as ManagementAPIError {
      throw CLIError(error.description)
    }
    return (ManagementPlan(library: library, endpoints: endpoints), client)
  }

  /// Asks every endpoint, after showing the requests (on standard error when asked to) and
  /// asking for confirmation unless `yes`; `nil` when the user declined.
  func survey(
    library: ContentLibrary, yes: Bool, previewToStandardError: Bool, password: String? = nil
  ) throws -> ManagementSurvey? {
    let (plan, client) = try connect(library: library, password: password)
    let preview = plan.preview(user: client.user)
    if previewToStandardError {
      FileHandle.standardError.write(Data(preview.utf8))
    } else {
      print(preview, terminator: "")
    }
    if !yes {
      guard StandardInput.isTerminal else {
        throw ValidationError("standard input is not a terminal; pass --yes to send the requests")
      }
      guard Confirmation.ask("Send these read-only requests?") else { return nil }
    }
    let outcome = AsyncBridge.wait {
      do {
        let survey = try await ManagementSurvey.take(plan, client: client) { line in
          FileHandle.standardError.write(Data(line.utf8))
        }
        await client.shutdown()
        return Result<ManagementSurvey, ManagementAPIError>.success(survey)
      } catch let error as ManagementAPIError {
        await client.shutdown()
        return .failure(error)
      } catch {
        await client.shutdown()
        return .failure(ManagementAPIError(.other("\(error)"), url: ""))
      }
    }
    switch outcome {
    case .success(let survey): return survey
    case .failure(let error): throw UnreadableAPI(error)
    }
  }
}

/// No management API could be read: one line, and exit status 3 (1 means findings).
struct UnreadableAPI: Error, CustomStringConvertible {
  var description: String
  init(_ error: ManagementAPIError) { description = error.description }
}

/// Runs async work from the synchronous command and waits for it.
enum AsyncBridge {
  static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    Task.detached {
      box.value = await work()
      box.semaphore.signal()
    }
    box.semaphore.wait()
    return box.value!
  }

  private final class ResultBox<T>: @unchecked Sendable {
    let semaphore = DispatchSemaphore(value: 0)
    var value: T?
  }
}
