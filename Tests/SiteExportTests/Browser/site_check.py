"""Checks an exported rmq-doctor site in Debian's headless Chromium through Selenium.

Run by SiteAccessibilityTests with the Python of .ci/site-python (.venv-site):

  site_check.py axe --site DIR --page REL [--page REL ...]
      axe-core on each page in the light and the dark theme: the violations of impact serious
      or critical, and the body's background colour, which tells whether the theme took.
  site_check.py screenshots --site DIR --out DIR --page NAME=REL [--page NAME=REL ...]
      Full-page PNGs NAME-WIDTH-THEME.png of each page, 390 and 1280 px wide, in both themes.
  site_check.py keyboard-walk --site DIR --page troubleshoot/ID.html
      Walks a troubleshooter with Tab and Enter alone until a cause is shown.
  site_check.py console --site DIR --page REL [--page REL ...]
      The browser console's errors and warnings on each page.
  site_check.py interactions --site DIR --expected FILE
      What a reader does: search as you type (the command line's answers, from FILE), `/` and
      the arrow keys, the theme switch, print, copy buttons, the contents, the tag filter, 390 px
      (site_interactions.py).

Each prints one JSON document on stdout. Exit status: 0 when the check found nothing, 1 when it
found something (the JSON says what), 2 for bad arguments, 3 when the browser could not be run;
the last two print one line on stderr and no JSON. The browser's side is in site_browser.py,
the checks in site_checks.py, the server in site_server.py, beside this file.

The pages are served from DIR on a free loopback port (site_server.py), as the README serves
the site. The browser is /usr/bin/chromium driven by /usr/bin/chromedriver (Debian's
chromium-driver), headless, without a sandbox; Selenium Manager downloads nothing. axe-core is
the copy that axe-selenium-python bundles, injected from disk.
"""

import argparse
import json
import os
import sys

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


class UsageError(Exception):
    """Bad arguments: one line on stderr, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised instead of printed with the usage."""

    def error(self, message):
        raise UsageError(message)


def arguments(argv):
    """The parsed command line, each path checked."""
    parser = Parser(prog="site_check.py", description="Checks an exported site in Chromium.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for name, help_text in (
        ("axe", "axe-core on each page in both themes"),
        ("screenshots", "full-page screenshots at two widths in both themes"),
        ("keyboard-walk", "a troubleshooter walked with Tab and Enter alone"),
        ("console", "the console's errors and warnings on each page"),
        ("interactions", "search as you type, keys, theme, print, contents, filter, 390 px"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--site", required=True, help="the exported site's folder")
        if name == "interactions":
            command.add_argument("--expected", required=True, help="the JSON of expected answers")
            continue
        command.add_argument(
            "--page", required=True, action="append",
            help="NAME=REL" if name == "screenshots" else "a page's path in the site")
        if name == "screenshots":
            command.add_argument("--out", required=True, help="the folder for the PNGs")
    options = parser.parse_args(argv)
    options.site = os.path.realpath(options.site)
    if not os.path.isdir(options.site):
        raise UsageError(f"--site {options.site}: no such folder")
    if options.command == "interactions":
        options.expected = expected_argument(options.expected)
        return options
    options.pages = [page_argument(options, page) for page in options.page]
    if options.command == "keyboard-walk":
        if len(options.pages) != 1:
            raise UsageError("keyboard-walk: one --page")
        rel = options.pages[0][1]
        if not (rel.startswith("troubleshoot/") and rel.endswith(".html")):
            raise UsageError(f"--page {rel}: a troubleshooter is troubleshoot/<id>.html")
    if options.command == "screenshots":
        try:
            os.makedirs(options.out, exist_ok=True)
        except OSError as error:
            raise UsageError(f"--out {options.out}: {error.strerror or error}")
        names = [name for name, _ in options.pages]
        if len(set(names)) != len(names):
            raise UsageError("--page: each NAME once")
    return options


def expected_argument(path):
    """The expected answers of `interactions`: a JSON object with the keys the checks read."""
    try:
        with open(path, encoding="utf-8") as file:
            expected = json.load(file)
    except OSError as error:
        raise UsageError(f"--expected {path}: {error.strerror}")
    except ValueError as error:
        raise UsageError(f"--expected {path}: not JSON ({error})")
    keys = ("queries", "guide", "arrowQuery", "filterTag", "guideCount", "pages")
    missing = [key for key in keys if not isinstance(expected, dict) or key not in expected]
    if missing:
        raise UsageError(f"--expected {path}: missing {', '.join(missing)}")
    return expected


def page_argument(options, text):
    """(NAME, REL) of one --page, REL naming an HTML file inside the site."""
    name, rel = None, text
    if options.command == "screenshots":
        name, sep, rel = text.partition("=")
        if not sep or not name or not all(c.isalnum() or c in "-_" for c in name):
            raise UsageError(f"--page {text}: expected NAME=REL, NAME of letters, digits, - and _")
    path = os.path.realpath(os.path.join(options.site, rel))
    if not path.startswith(options.site + os.sep):
        raise UsageError(f"--page {rel}: outside {options.site}")
    if not os.path.isfile(path):
        raise UsageError(f"--page {rel}: no such file in {options.site}")
    if not path.endswith(".html"):
        raise UsageError(f"--page {rel}: not an .html page")
    return name, os.path.relpath(path, options.site)


def main(argv):
    """Runs one subcommand; returns the exit status."""
    try:
        options = arguments(argv)
    except UsageError as error:
        print(f"site_check.py: {error}", file=sys.stderr)
        return 2
    # Imported late: bad arguments are reported without Selenium. No __pycache__ in the tree.
    sys.dont_write_bytecode = True
    try:
        from site_browser import Browser, BrowserError
        from site_server import SiteServer
        import site_checks
        import site_interactions
    except ImportError as error:
        print(f"site_check.py: {error} (run: bash .ci/site-python)", file=sys.stderr)
        return 3

    try:
        with SiteServer(options.site) as site, Browser(CHROMIUM, CHROMEDRIVER) as browser:
            if options.command == "interactions":
                report = site_interactions.run(options.expected, browser, site)
            else:
                report = site_checks.run(options, browser, site)
    except (BrowserError, OSError) as error:
        print(f"site_check.py: {error}", file=sys.stderr)
        return 3
    print(json.dumps(report, indent=1, sort_keys=True))
    if not report["ok"]:
        print(f"site_check.py: {options.command}: {report['summary']}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
