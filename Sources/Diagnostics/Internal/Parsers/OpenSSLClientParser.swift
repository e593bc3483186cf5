/// Reads `openssl s_client -connect HOST:5671 -verify_return_error` (OpenSSL 1.1 and 3.x) run
/// with nothing on standard input: the handshake, the certificate chain the server sent, and
/// where verification or the handshake stopped.
///
/// `verify error:num=N:text` (or `Verify return code: N (text)`) gives OpenSSL's X509
/// verification code: 0 when the chain verified, 10 expired, 18 and 19 self-signed, 20 and 21
/// an issuer the caller does not have. `SSL routines:...:wrong version number` means the port
/// did not answer in TLS; `... alert ...` that the server sent an alert; `connect:errno=111`
/// that nothing listens.
///
/// Finds `tls-port-open` (0 when the connection was refused), and when it was open:
/// `tls-handshake-completed`, `tls-verify-error`, `tls-chain-untrusted` (verification failed for
/// want of a trusted issuer), `tls-certificate-expired` (10: the server's chain has an expired
/// certificate), `tls-server-alert` and `tls-not-tls` (the port answered in something other than
/// TLS), each 1 or 0 apart from the code.
enum OpenSSLClientParser {
  static func parse(_ lines: OutputLines) -> ParseOutcome {
    let text = lines.nonBlank.map(\.trimmed)
    guard text.contains(where: isOpenSSL) else { return ParseOutcome() }
    if let refused = text.first(where: {
      $0.hasPrefix("connect:errno=") || $0.contains("Connection refused")
    }) {
      return ParseOutcome(findings: [Finding(id: "tls-port-open", value: 0, evidence: [refused])])
    }
    let verifyLines = text.filter { $0.hasPrefix("verify error:num=") }
    let code = verifyLines.first.flatMap(verifyErrorCode) ?? text.lazy.compactMap(returnCode).first
    let errors = text.filter { $0.contains(":error:") || $0.contains("SSL routines") }
    let alert = errors.filter { $0.contains(" alert ") }
    let notTLS = errors.filter {
      $0.contains("wrong version number") || $0.contains("packet length too long")
    }
    let cipher = text.first {
      $0.hasPrefix("New, ") && $0.contains("Cipher is ") && !$0.contains("(NONE)")
    }
    let completed = cipher != nil && errors.isEmpty && (code ?? 0) == 0
    let chain = text.filter { $0.hasPrefix("depth=") }
    let verifyEvidence = Array((chain.suffix(1) + verifyLines).prefix(3))
    var found = [
      Finding(id: "tls-port-open", value: 1, evidence: ["something accepted the connection"]),
      Finding(
        id: "tls-handshake-completed", value: completed ? 1 : 0,
        evidence: completed ? [cipher ?? ""] : Evidence.lines(verifyLines + errors, noun: "errors")),
      Finding(
        id: "tls-server-alert", value: alert.isEmpty ? 0 : 1,
        evidence: alert.isEmpty ? ["no alert from the server"] : Evidence.lines(alert)),
      Finding(
        id: "tls-not-tls", value: notTLS.isEmpty ? 0 : 1,
        evidence: notTLS.isEmpty ? ["the port answered in TLS"] : Evidence.lines(notTLS)),
    ]
    if let code {
      let evidence = verifyEvidence.isEmpty ? ["Verify return code: \(code)"] : verifyEvidence
      found += [
        Finding(id: "tls-verify-error", value: Double(code), evidence: evidence),
        Finding(
          id: "tls-chain-untrusted", value: untrusted.contains(code) ? 1 : 0, evidence: evidence),
        Finding(id: "tls-certificate-expired", value: code == 10 ? 1 : 0, evidence: evidence),
      ]
    }
    return ParseOutcome(findings: found)
  }

  /// X509 verification codes that mean no trusted issuer: unable to get issuer certificate (2),
  /// self-signed leaf (18), self-signed certificate in the chain (19), unable to get local
  /// issuer (20), unable to verify the first certificate (21).
  static let untrusted: Set<Int> = [2, 18, 19, 20, 21]

  static func isOpenSSL(_ line: String) -> Bool {
    line.hasPrefix("CONNECTED(") || line.hasPrefix("depth=") || line.hasPrefix("verify error:num=")
      || line.hasPrefix("connect:errno=") || line.contains("SSL routines")
      || line.contains("BIO routines")
      || line.hasPrefix("Verify return code:")
  }

  /// `verify error:num=19:self-signed certificate in certificate chain` gives 19.
  static func verifyErrorCode(_ line: String) -> Int? {
    Int(line.dropFirst("verify error:num=".count).prefix { $0.isNumber })
  }

  /// `Verify return code: 0 (ok)` gives 0.
  static func returnCode(_ line: String) -> Int? {
    guard line.hasPrefix("Verify return code: ") else { return nil }
    return Int(line.dropFirst("Verify return code: ".count).prefix { $0.isNumber })
  }
}
