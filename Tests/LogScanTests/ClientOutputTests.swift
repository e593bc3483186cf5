import Foundation
import LogScan
import Testing

/// Client output: logged errors with their tracebacks, bare tracebacks, plain lines.
@Suite struct ClientOutputTests {
  /// pika logs an ERROR line with the caller's stack under it: one entry, not one per line.
  @Test func aLoggedErrorKeepsItsTraceback() throws {
    let text = try ScanSupport.fixture("pika-e-missed-heartbeats.txt")
    let report = ScanSupport.scan(text)
    let errorLines = text.split(separator: "\n").filter {
      $0.contains(" ERROR ") || $0.contains(" WARNING ")
    }.count
    let bareTracebacks = text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated().filter { index, line in
        line.hasPrefix("Traceback") && index > 0
          && !text.split(separator: "\n", omittingEmptySubsequences: false)[index - 1].hasSuffix(
            "Caller's stack:")
      }
    #expect(errorLines > 0)
    // Tracebacks right after a logged error belong to it; a traceback after the last
    // exception line of another starts an entry of its own.
    #expect(report.entries >= errorLines)
    #expect(report.entries <= errorLines + bareTracebacks.count)
    #expect(report.guides.first?.id == "econnreset")
  }

  @Test func aBareTracebackIsOneEntryEndingWithItsException() {
    let text = """
      starting consumer
      Traceback (most recent call last):
        File "app.py", line 3, in <module>
          sock.connect(("10.0.0.5", 5672))
      ConnectionRefusedError: [Errno 111] Connection refused
      consumer stopped
      """
    let report = ScanSupport.scan(text)
    #expect(report.entries == 1)
    #expect(report.guides.map(\.id) == ["econnrefused"])
    #expect(report.guides.first?.examples.first?.line == 2)
    #expect(report.guides.first?.examples.first?.text.hasSuffix("Connection refused") == true)
  }

  @Test func javaExceptionWithCausesIsOneEntry() {
    let text = """
      Exception in thread "main" com.rabbitmq.client.ShutdownSignalException: connection error; protocol method: #method<connection.close>(reply-code=320, reply-text=CONNECTION_FORCED - broker forced connection closure with reason 'shutdown', class-id=0, method-id=0)
      \tat com.rabbitmq.client.impl.AMQConnection.startShutdown(AMQConnection.java:100)
      Caused by: com.rabbitmq.client.ShutdownSignalException: connection error
      \t... 5 more
      """
    let report = ScanSupport.scan(text)
    #expect(report.entries == 1)
    #expect(report.guides.map(\.id) == ["connection-forced"])
  }

  @Test func plainLinesWithoutLevelsStandAlone() {
    let text = """
      dial tcp 10.0.0.5:5672: connect: connection refused
      retrying in 5s
      dial tcp 10.0.0.5:5672: connect: connection refused
      """
    let report = ScanSupport.scan(text)
    #expect(report.entries == 2)
    #expect(ScanSupport.counts(report) == ["econnrefused": 2])
  }

  @Test func infoLinesAreNotEntries() {
    let text = """
      2026-11-23 04:45:44.457094+00:00 [info] <0.556.0> closing AMQP connection <0.556.0> (127.0.0.1:38118 -> 127.0.0.1:5672 - missed heartbeats from client {inet_error,etimedout}, vhost: '/', user: 'guest')
      2026-11-23 04:45:44.457094+00:00 [info] <0.556.0> connection <0.556.0> (127.0.0.1:38118 -> 127.0.0.1:5672 - app): user 'guest' authenticated and granted access to vhost '/'
      2026-11-23 04:47:03,394 INFO pika.adapters: Connection workflow succeeded
      """
    #expect(ScanSupport.scan(text).entries == 0)
  }
}
