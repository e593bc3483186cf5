import Foundation

/// One answer of the management API, kept as it came, with when and how it was asked.
public struct ManagementResponse: Sendable, Hashable {
  /// The URL asked, without credentials.
  public var url: String
  /// The HTTP status.
  public var status: Int
  /// The body as received.
  public var body: Data
  /// When the request was sent.
  public var sentAt: Date
  /// How long the answer took, in milliseconds.
  public var milliseconds: Int

  /// The request's failure for a status other than 200, or `nil`: health checks answer 503
  /// with a JSON body when they fail, which is an answer, not a failure.
  public func failure(user: String) -> ManagementAPIError? {
    switch status {
    case 200...299: nil
    case 503 where url.contains("/api/health/checks/"): nil
    case 300...399: ManagementAPIError(.redirected(to: "another location"), url: url)
    case 401:
      // A wrong password is "Login failed"; a user without the tag a path needs gets the
      // same status with a reason naming the tag.
      Self.reason(in: body).hasPrefix("Not ")
        ? ManagementAPIError(.missingTag(user: user, reason: Self.reason(in: body)), url: url)
        : ManagementAPIError(.unauthorized, url: url)
    case 403: ManagementAPIError(.forbidden(user: user), url: url)
    case 404: ManagementAPIError(.notFound, url: url)
    default: ManagementAPIError(.status(status, Self.reason(in: body)), url: url)
    }
  }

  /// The `reason` of a management API error body, or its first characters.
  static func reason(in body: Data) -> String {
    if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
      let reason = object["reason"] as? String
    {
      return reason
    }
    let text = String(decoding: body.prefix(120), as: UTF8.self)
      .replacingOccurrences(of: "\n", with: " ")
    return text.isEmpty ? "with an empty body" : text
  }

  /// The body parsed as JSON, or the error saying why it is not.
  public func json() throws(ManagementAPIError) -> Any {
    do {
      return try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
    } catch {
      let start = String(decoding: body.prefix(40), as: UTF8.self).replacingOccurrences(
        of: "\n", with: " ")
      let why = body.isEmpty ? "the body is empty" : "\(body.count) bytes starting \"\(start)\""
      throw ManagementAPIError(.notJSON(why), url: url)
    }
  }
}
