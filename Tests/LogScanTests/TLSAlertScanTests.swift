import Foundation
import Testing

@testable import LogScan

/// Erlang's TLS application logs a failed handshake at notice level. The scan counts those
/// records (their second line joined) under the TLS guide, and keeps ignoring other notices.
@Suite struct TLSAlertScanTests {
  // Lines as RabbitMQ 3.10.8 on Erlang 25.2.3 wrote them (Tests/Fixtures/captures/tls-*.txt).
  static let log = """
    2026-12-05 17:16:37.371313+00:00 [info] <0.2962.0> accepting AMQP connection <0.2962.0> (127.0.0.1:42312 -> 127.0.0.1:5671)
    2026-12-05 17:16:37.517793+00:00 [notice] <0.2974.0> TLS server: In state wait_cert at tls_handshake_1_3.erl:1484 generated SERVER ALERT: Fatal - Certificate required
    2026-12-05 17:16:37.517793+00:00 [notice] <0.2974.0>  - certificate_required
    2026-12-05 17:16:38.000000+00:00 [notice] <0.2980.0> Logging: switching to configured handler(s); following messages may not be visible in this log output
    2026-12-05 17:16:59.748626+00:00 [notice] <0.3003.0> TLS server: In state wait_cert at ssl_handshake.erl:2094 generated SERVER ALERT: Fatal - Certificate Expired
    2026-12-05 17:16:59.748626+00:00 [notice] <0.3003.0>
    2026-12-05 17:24:02.381384+00:00 [notice] <0.3698.0> TLS server: In state hello at tls_record.erl:564 generated SERVER ALERT: Fatal - Unexpected Message
    2026-12-05 17:24:02.381384+00:00 [notice] <0.3698.0>  - {unsupported_record_type,65}

    """

  @Test func tlsAlertsAtNoticeAreCountedAndOtherNoticesAreNot() {
    let report = ScanSupport.scan(Self.log)
    #expect(
      report.entries == 3, "three TLS alerts; the logging notice and the info line are not problems"
    )
    #expect(ScanSupport.counts(report) == ["tls-handshake": 3], "\(ScanSupport.counts(report))")
  }
}
