import ArgumentParser
import CommandLineSupport
import DoctorMode
import Foundation
import GuideKit

extension RMQDoctor {
  /// `rmq-doctor collect`: write an evidence bundle for support.
  struct Collect: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "collect",
      abstract: "Write an evidence bundle: management API answers and local command outputs.",
      discussion: """
        With --url, every management API diagnostic is read from each node named (the same \
        read-only GET requests as 'diagnose --url'); with --local, the host's own read-only \
        diagnostics run (as 'diagnose' runs them). Everything to be sent or run is shown first \
        and happens only after you confirm (or with --yes). Each answer or output becomes one \
        file named as 'diagnose --evidence' expects, with passwords, tokens and credentials in \
        URLs scrubbed, and manifest.json says when and how each was taken. The folder is \
        written atomically and must be new or empty. Read it back with \
        'rmq-doctor diagnose --evidence DIR' and 'rmq-doctor wizard --evidence DIR'. Exits with \
        0 when the bundle is written, 1 on errors, 2 on usage errors, 3 when no management API \
        could be read (nothing is written then).
        """)

    @OptionGroup var options: ContentOptions

    @OptionGroup(title: "Management API") var management: ManagementOptions

    @Flag(help: "Also run this host's read-only diagnostics.")
    var local = false

    @Flag(help: "Send the requests and run the commands without asking first.")
    var yes = false

    @Argument(
      help: ArgumentHelp("The new (or empty) folder to write the bundle into.", valueName: "out"))
    var output: String

    func validate() throws {
      guard management.isGiven || local else {
        throw ValidationError(
          "give --url URL (the management API) and/or --local (this host's diagnostics)")
      }
      if !yes && !StandardInput.isTerminal {
        throw ValidationError(
          "standard input is not a terminal; pass --yes to send the requests and run the commands")
      }
    }

    func run() throws {
      let library = try options.load()
      let writer = BundleWriter(output: output)
      // Refused before anything is sent or run.
      do { try writer.checkOutput() } catch { throw CLIError(error.description) }
      var password: String?
      var collection = EvidenceCollection(scrubber: SecretScrubber())
      var collectedBy: [String] = []
      if management.isGiven {
        password = try management.password()
        // A password equal to the user name is no secret once the user name is shown.
        let user = try management.user(library: library)
        collection = EvidenceCollection(
          scrubber: SecretScrubber(known: [password].compactMap { $0 }.filter { $0 != user }))
        guard
          let survey = try management.survey(
            library: library, yes: yes, previewToStandardError: false, password: password)
        else { throw ExitCode(0) }
        collection.add(survey)
        collectedBy.append("the management API as user '\(survey.user)'")
      }
      if local {
        let plan = DiagnosticPlan(library: library)
        print(plan.preview, terminator: "")
        if !yes && !plan.runnable.isEmpty
          && !Confirmation.ask("Run these \(plan.runnable.count) read-only commands?")
        {
          throw ExitCode(0)
        }
        let started = Date()
        collection.add(plan.run(library: library), of: plan.runnable, startedAt: started)
        collectedBy.append("the read-only diagnostics of this host as uid \(getuid())")
      }
      let manifest = collection.manifest(
        tool: "rmq-doctor \(RMQDoctor.configuration.version)",
        collectedBy: collectedBy.joined(separator: " and "))
      do { try writer.write(try collection.bundleFiles(manifest: manifest)) } catch let failure
        as BundleWriter.Failure
      {
        throw CLIError(failure.description)
      }
      let failed = manifest.entries.filter { $0.file == nil }
      let scrubbed = manifest.entries.compactMap(\.scrubbed).flatMap(\.values).reduce(0, +)
      print(
        "Wrote \(collection.files.count) file(s) and \(EvidenceCollection.manifestName) to \(writer.output)"
      )
      if scrubbed > 0 {
        print("Scrubbed \(scrubbed) secret(s); manifest.json says where and of what kind.")
      }
      for note in manifest.notes { print("Note: \(note)") }
      if !failed.isEmpty {
        print("Not captured (\(failed.count)):")
        for entry in failed { print("  \(entry.diagnostic): \(entry.problem ?? "no output")") }
      }
      print("Read it with: rmq-doctor diagnose --evidence \(writer.output)")
    }
  }
}
