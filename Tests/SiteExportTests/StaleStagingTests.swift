import Foundation
import SiteExport
import Testing

/// An export killed half-way leaves its staging folder beside the output; the next export of the
/// same output removes such folders, but never one of a live export or one holding foreign files.
@Suite struct StaleStagingTests {
  /// A process id that existed and has ended.
  static func deadProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  static func folder(_ path: String, holding names: [String]) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for name in names {
      FileManager.default.createFile(atPath: path + "/" + name, contents: Data("x".utf8))
    }
  }

  @Test func staleStagingFoldersGoAndOthersStay() throws {
    let parent = try TestSite.temporaryDirectory()
    let dead = try Self.deadProcess()
    let sleeper = Process()
    sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
    sleeper.arguments = ["30"]
    try sleeper.run()
    defer { sleeper.terminate() }
    let live = sleeper.processIdentifier

    let stale = parent + "/.site.new-\(dead)-1234"
    let staleAside = parent + "/.site.old-\(dead)-99"
    let racing = parent + "/.site.new-\(live)-5678"
    let foreign = parent + "/.site.new-\(dead)-42"
    let otherSite = parent + "/.blog.new-\(dead)-7"
    let notOurs = parent + "/.site.new-abc"
    try Self.folder(stale, holding: ["index.html", ".rmq-doctor-export"])
    try Self.folder(staleAside, holding: ["index.html"])
    try Self.folder(racing, holding: ["index.html"])
    try Self.folder(foreign, holding: ["index.html", "thesis.pdf"])
    try Self.folder(otherSite, holding: ["index.html"])
    try Self.folder(notOurs, holding: ["index.html"])

    try SiteWriter(output: parent + "/site").write([SiteFile("index.html", text: "<p>new</p>")])

    let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
    #expect(!exists(stale))
    #expect(!exists(staleAside))
    #expect(exists(racing), "a live export's folder was removed")
    #expect(exists(foreign + "/thesis.pdf"), "a folder holding foreign files was removed")
    #expect(exists(otherSite), "another output's folder was removed")
    #expect(exists(notOurs))
    #expect(exists(parent + "/site/index.html"))
  }
}
