/// A catalogue entry for tests that need a diagnostic of their own: runs `argv`, read as plain
/// text, yielding one fact `<id>-lines`.
public enum DiagnosticYAML {
  /// The YAML of diagnostic `id` running `argv` (each argument quoted as given).
  public static func make(id: String, title: String = "A diagnostic made by a test", argv: [String])
    -> String
  {
    """
    schema: 1
    id: \(id)
    title: \(title)
    argv: [\(argv.map { "\"\($0)\"" }.joined(separator: ", "))]
    read_only: true
    needs_root: false
    runs_on: any
    timeout_seconds: 5
    output_limit_bytes: 4096
    parser: plain-text
    reads: Nothing.
    yields:
      - fact: \(id)-lines
        description: Lines

    """
  }
}
