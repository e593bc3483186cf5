#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SiteWriter {
  /// Writes `bytes` to a new file at `path` (mode 0666 less the umask, as `Data.write` makes
  /// it); false when the file cannot be created or written whole.
  ///
  /// Unlike `Data.write` on Linux, it does not `fsync` the file: the site is written into a
  /// staging directory that is renamed into place once complete, and two thousand `fsync`s made
  /// about a fifth of the export's time, spent waiting for the disk.
  static func writeFile(_ bytes: [UInt8], to path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { return false }
    let complete = writeWhole(bytes, to: descriptor)
    return close(descriptor) == 0 && complete
  }
}

/// Writes all of `bytes` to `descriptor`, again after an interruption or a partial write.
private func writeWhole(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
  bytes.withUnsafeBytes { buffer in
    guard let base = buffer.baseAddress else { return true }  // nothing to write
    var written = 0
    while written < buffer.count {
      let count = write(descriptor, base + written, buffer.count - written)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return false }
      written += count
    }
    return true
  }
}
