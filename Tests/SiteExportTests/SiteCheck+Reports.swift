extension SiteCheck {
  /// `site_check.py axe`: each page in each theme.
  struct AxeReport: Decodable {
    var ok: Bool
    var results: [AxePage]
  }

  /// axe-core's serious and critical violations on one page in one theme.
  struct AxePage: Decodable {
    var page: String
    var theme: String
    /// The axe-core version that ran.
    var axe: String
    var themeState: ThemeState
    var violations: [Violation]
  }

  /// What the page showed of the theme it was given.
  struct ThemeState: Decodable {
    /// The body's computed background colour (the root's when the body's is transparent).
    var background: String
    var dark: Bool
    /// `<html data-theme>` after the reload, as the site's script left it.
    var dataTheme: String?
    /// The stored choice, `localStorage["rmq-doctor-theme"]`.
    var stored: String?
    /// Whether the background is dark exactly in the dark theme.
    var applied: Bool
  }

  /// One axe-core rule that failed, with the first few elements it failed on.
  struct Violation: Decodable {
    var id: String
    var impact: String
    var help: String
    var nodes: Int
    var targets: [String]
  }

  /// `site_check.py screenshots`.
  struct ScreenshotReport: Decodable {
    var ok: Bool
    var screenshots: [Screenshot]
  }

  /// One full-page PNG.
  struct Screenshot: Decodable {
    var name: String
    var page: String
    var width: Int
    var height: Int
    var theme: String
    var file: String
    var bytes: Int
  }

  /// `site_check.py keyboard-walk`.
  struct WalkReport: Decodable {
    var ok: Bool
    var page: String
    var keys: [Key]
    /// The id of each step walked through, from the first question to the cause.
    var walked: [String]
    /// The steps that were shown beside another one.
    var crowded: [Crowded]
    /// The cause section's id, when the walk reached one.
    var cause: String?
    /// Why the keyboard could not go on, when it could not.
    var problem: String?
  }

  /// A step of the walk that other steps were shown beside.
  struct Crowded: Decodable {
    var current: String
    var others: [String]
  }

  /// A key pressed, and what had the focus after it.
  struct Key: Decodable {
    var key: String
    var focus: String
    var section: String?
    /// The focused answer's `data-answer`, when an answer has the focus.
    var answer: String?
  }

  /// `site_check.py console`.
  struct ConsoleReport: Decodable {
    var ok: Bool
    var pages: [ConsolePage]
  }

  /// The console's errors and warnings while one page loaded.
  struct ConsolePage: Decodable {
    var page: String
    var messages: [ConsoleMessage]
  }

  /// One console line: its level (`SEVERE`, `WARNING`) and text.
  struct ConsoleMessage: Decodable {
    var level: String
    var message: String
  }
}
