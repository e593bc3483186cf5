import Foundation

/// Reads logs line by line and counts their error entries by guide, by peer, subnet, user and
/// vhost, and by hour.
///
/// Each source is read once, in chunks, and never held whole: memory stays the same for a
/// 100 MB and a 10 GB log. Lines below warning level cost one look at their header; only
/// entries at warning level or worse are turned into text, joined with the lines that continue
/// them, and classified.
public final class LogScanner {
  /// What classifies entries.
  public let classifier: LogClassifier
  /// The time span reported on.
  public let window: ScanWindow
  /// How client addresses are grouped.
  public let prefixes: SubnetPrefixes
  /// The year for times that have none (syslog's and journald's).
  public let year: Int

  var tally = ScanTally()
  let splitter = LineSplitter()
  /// When and how a large plain-text file is scanned on several cores.
  var parallel = ParallelScanOptions()

  /// A scanner; `year` defaults to the current one.
  public init(
    classifier: LogClassifier, window: ScanWindow = ScanWindow(),
    prefixes: SubnetPrefixes = SubnetPrefixes(), year: Int? = nil
  ) {
    self.classifier = classifier
    self.window = window
    self.prefixes = prefixes
    self.year =
      year ?? Calendar(identifier: .gregorian).dateComponents(
        in: TimeZone(identifier: "UTC")!, from: Date()
      ).year!
  }

  /// Reads `source` to its end. A read error ends this source only: what was read before it
  /// counts, and the error is kept in the file's summary.
  @discardableResult
  public func scan<Source: ByteSource>(_ source: inout Source, name: String) -> FileSummary {
    var assembler = EntryAssembler(file: name, year: year)
    var summary = FileSummary(path: name)
    let entriesBefore = tally.entries
    do {
      summary.bytes = try splitter.forEachLine(in: &source) { line, _ in
        if let entry = assembler.take(line) { record(entry) }
      }
    } catch {
      summary.error = error.reason
    }
    if let entry = assembler.finish() { record(entry) }
    summary.lines = assembler.lineNumber
    summary.entries = tally.entries - entriesBefore
    tally.files.append(summary)
    return summary
  }

  /// Reads any source, plain text or gzip: gzip is told by its first two bytes (1f 8b), not by a
  /// name, so standard input and files of any name are decompressed when they hold gzip.
  @discardableResult
  public func scan<Source: ByteSource>(sniffing source: Source, name: String) -> FileSummary {
    let sniffed = SniffedSource(source)
    guard sniffed.isGzip else { return scan(text: sniffed, name: name) }
    return scan(gzip: sniffed, name: name)
  }

  /// Reads gzip data, inflated on a thread of its own (``PrefetchingSource``) while this one
  /// splits and classifies.
  private func scan<Source: ByteSource>(gzip source: SniffedSource<Source>, name: String)
    -> FileSummary
  {
    do {
      return scan(text: PrefetchingSource(try GzipSource(source, name: name)), name: name)
    } catch {
      return failed(name, error.reason)
    }
  }

  /// Reads text whose lines end with `\n`, `\r\n`, or (told from its first 64 KiB) a lone `\r`.
  func scan<Source: ByteSource>(text source: Source, name: String) -> FileSummary {
    var sniffed = SniffedSource(source, count: 64 << 10)
    guard sniffed.endsLinesWithCarriageReturns else { return scan(&sniffed, name: name) }
    var lines = CarriageReturnLines(sniffed)
    return scan(&lines, name: name)
  }

  /// Reads the file at `path`: gzip when its name ends in `.gz` or its bytes start like gzip,
  /// plain text otherwise. An empty `.gz` file is reported as such.
  @discardableResult
  public func scan(path: String) -> FileSummary {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      return failed(path, String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var status = stat()
    let known = fstat(descriptor, &status) == 0
    if known, (status.st_mode & S_IFMT) == S_IFDIR {
      return failed(path, "is a directory")
    }
    if known, (status.st_mode & S_IFMT) == S_IFREG, !path.hasSuffix(".gz"),
      let summary = scanInParallelWhenWorthIt(
        FileDescriptorBytes(descriptor: descriptor, name: path), size: Int(status.st_size),
        name: path)
    {
      return summary
    }
    let file = FileDescriptorSource(descriptor: descriptor, name: path)
    guard path.hasSuffix(".gz") else { return scan(sniffing: file, name: path) }
    let sniffed = SniffedSource(file)
    if sniffed.isEmpty { return failed(path, "empty file, not gzip data") }
    return scan(gzip: sniffed, name: path)
  }

  /// Scans `bytes` on several threads when there are several, the file is large enough, and it
  /// is plain text whose lines end with `\n` (gzip and lone-`\r` text are read in one pass, as
  /// is a file whose first bytes cannot be read). Nil when it was not scanned.
  func scanInParallelWhenWorthIt<Bytes: PositionalBytes>(_ bytes: Bytes, size: Int, name: String)
    -> FileSummary?
  {
    guard parallel.threads > 1, size >= parallel.threshold, size > 0 else { return nil }
    let sniffed = SniffedSource(PositionalSource(bytes, offset: 0), count: 64 << 10)
    guard sniffed.aheadError == nil, !sniffed.isGzip, !sniffed.endsLinesWithCarriageReturns else {
      return nil
    }
    return scanInParallel(bytes, size: size, name: name, options: parallel)
  }

  /// Notes a file that could not be read at all.
  @discardableResult
  public func failed(_ path: String, _ reason: String) -> FileSummary {
    var summary = FileSummary(path: path)
    summary.error = reason
    tally.files.append(summary)
    return summary
  }

  /// What was found so far.
  public func report() -> ScanReport {
    ScanReport(tally, window: window, titles: classifier.title(of:))
  }

  func record(_ entry: LogEntry) {
    guard let prepared = prepare(entry) else {
      tally.outsideWindow += 1
      return
    }
    record(prepared)
  }
}
