extension ContentLoader {
  /// Loads `directory` and refuses it unless lint finds no error in it: the one way every
  /// command but `lint` reads content, so that nothing uses content that `lint` rejects.
  ///
  /// The whole directory is checked, not only the guides a command uses: one error anywhere
  /// (a file that does not load, a tree with a cycle, an id that is not the file name) refuses
  /// every command. Warnings never refuse.
  /// - Throws: ``ContentError`` when the directory itself is unusable; ``ContentRejection``
  ///   with every lint error otherwise.
  public static func loadValidated(directory: String) throws -> ContentLibrary {
    let loaded = try load(directory: directory)
    let errors = Linter(strict: false).lint(loaded).filter { $0.severity == .error }
    guard errors.isEmpty else { throw ContentRejection(errors: errors) }
    return loaded.library
  }
}
