import Foundation
import Testing

@testable import SiteExport

/// The marker records each file's SHA-256 in lower-case hex, as earlier exports wrote it.
@Suite struct ExportRecordTests {
  @Test func hashesAreLowerCaseHexOfSHA256() {
    #expect(
      ExportRecord.hash(Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      ExportRecord.hash(Data())
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }
}
