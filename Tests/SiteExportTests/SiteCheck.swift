import Foundation
import Testing

/// `Browser/site_check.py` run with the Python of `.ci/site-python` (`.venv-site`): Selenium
/// driving Debian's chromium through its chromedriver, with the axe-core that
/// axe-selenium-python bundles.
///
/// On a developer machine without `.venv-site` the accessibility tests are skipped; under
/// `CI=true` a missing `.venv-site` is a failure (`.ci/run` makes it).
enum SiteCheck {
  /// `.venv-site/bin/python3` in the package root.
  static let python = TestSite.repository.appendingPathComponent(".venv-site/bin/python3").path

  /// The script, beside its helpers `site_browser.py` and `site_checks.py`.
  static let script = TestSite.repository.appendingPathComponent(
    "Tests/SiteExportTests/Browser/site_check.py"
  ).path

  /// Whether the accessibility tests run: the venv is here, or CI requires it.
  static var shouldRun: Bool {
    FileManager.default.isExecutableFile(atPath: python) || Chromium.isCI
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `site_check.py COMMAND --site SITE ARGUMENTS` and decodes its report.
  ///
  /// Exit status 0 (nothing found) and 1 (something found) both carry a report; any other
  /// status, or output that is not a report, throws with the script's own one-line reason.
  static func run<Report: Decodable>(
    _ command: String, site: String, _ arguments: [String], as type: Report.Type,
    timeout: TimeInterval = 600
  ) throws -> Report {
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw Failure(description: "no \(python) (run: bash .ci/site-python)")
    }
    let run = try ChildProcess.run(
      python, [script, command, "--site", site] + arguments, timeout: timeout)
    guard run.status == 0 || run.status == 1 else {
      throw Failure(
        description: "site_check.py \(command) exited \(run.status): \(run.stderr.suffix(2000))")
    }
    do {
      return try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
    } catch {
      throw Failure(
        description: "site_check.py \(command): no report (\(error)): \(run.stdout.prefix(500))"
          + " \(run.stderr.suffix(1000))")
    }
  }
}
